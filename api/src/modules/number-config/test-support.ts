import { seedDemoData } from '../../seed';
import { signUpCustomer, type TestApi } from '../../test/api-harness';
import { drainJobs, queuedJobs } from '../../test/jobs';
import { jobsDueNow, paidNumbers } from '../provisioning/provisioning.test-support';

export const CONFIG_FIELDS = `
  forwarding { enabled ringTimeoutSeconds targets { position kind destination } }
  businessHours { enabled timeZone intervals { weekday startMinute endMinute } holidays { date name } outOfHoursAction outOfHoursDestination openNow nextChangeAt }
  voicemail { enabled greeting email }
  smsDelivery { emails webhookUrl webhookSecret }
  syncState syncError appliedAt version`;

export const UPDATE = `mutation($numberId: ID!, $input: NumberConfigurationInput!) {
  updateNumberConfiguration(numberId: $numberId, input: $input) { configuration { ${CONFIG_FIELDS} } errors { code message field } }
}`;
export const RETRY = `mutation($numberId: ID!) { retryNumberConfiguration(numberId: $numberId) { configuration { syncState } errors { code field } } }`;
export const NUMBER_CONFIG = `query($id: ID!) { number(id: $id) { id configuration { ${CONFIG_FIELDS} } } }`;

/** A signed-up customer owning `count` numbers live at the fake DIDWW. */
export async function customerWithLiveNumbers(api: TestApi, count = 1, seed = true) {
  if (seed) await seedDemoData(api.db.prisma);
  const customer = await signUpCustomer(api);
  const taken = await api.db.prisma.orderLine.findMany({ select: { availableNumberId: true } });
  const stock = await api.db.prisma.availableNumber.findMany({
    where: { country: { isoCode: 'US' }, id: { notIn: taken.map((t) => t.availableNumberId) } },
    orderBy: { e164: 'asc' }, take: count, select: { id: true },
  });
  const ids = await paidNumbers(api, stock.map((s) => s.id), { userId: customer.userId });
  await settleJobs(api);
  return { customer, numberIds: ids };
}

/** Runs due jobs, making re-queued (backed-off) ones due, until nothing but future boundaries waits. */
export async function settleJobs(api: TestApi, rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await drainJobs(api.db.pool, api.server.services);
    const waiting = (await queuedJobs(api.db.prisma)).filter((j) => j.task !== 'switch-business-hours' && j.attempts < 25);
    if (waiting.length === 0) return;
    await jobsDueNow(api);
  }
}
