// `prisma generate` never runs the native schema engine, but the CLI insists on finding one and
// would try to download it from a host these machines cannot reach. Pointing it at any existing
// file satisfies the check.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
env.CHECKPOINT_DISABLE = '1';
const cwd = fileURLToPath(new URL('..', import.meta.url));
const r = spawnSync('pnpm', ['exec', 'prisma', 'generate'], { cwd, env, stdio: 'inherit' });
process.exit(r.status ?? 1);
