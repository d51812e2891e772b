import { useMutation } from '@vue/apollo-composable';
import { useMessage } from 'naive-ui';
import { AddToCartDocument } from '../gql/graphql';
import { describeFailure } from '../lib/failure';
import { heldForText, remainingMs } from '../lib/holds';
import { markNumberTaken, writeCart } from './useCart';

export type AddOutcome = 'added' | 'unavailable' | 'refused' | 'failed';

/**
 * Adds a number to the signed-in customer's cart and says how it went in a toast: "Held for 10
 * minutes", or the API's message. A number someone else got is marked taken wherever it shows.
 */
export function useAddToCart() {
  const message = useMessage();
  const mutation = useMutation(AddToCartDocument, {
    throws: 'always',
    update(cache, { data }, { variables }) {
      const payload = data?.addToCart;
      if (!payload) return;
      if (payload.cart && payload.errors.length === 0) writeCart(cache, payload.cart);
      if (variables && payload.errors.some((error) => error.code === 'NUMBER_UNAVAILABLE')) markNumberTaken(cache, String(variables.availableNumberId));
    },
  });

  async function add(availableNumberId: string): Promise<AddOutcome> {
    try {
      const result = await mutation.mutate({ availableNumberId });
      const payload = result?.data?.addToCart;
      if (!payload) {
        message.error(describeFailure(null).message);
        return 'failed';
      }
      const error = payload.errors[0];
      if (error) {
        if (error.code === 'VALIDATION') message.warning(error.message, { duration: 6000 });
        else message.error(error.message, { duration: 6000 });
        return error.code === 'NUMBER_UNAVAILABLE' ? 'unavailable' : 'refused';
      }
      const item = payload.cart?.items.find((candidate) => candidate.availableNumber.id === availableNumberId);
      message.success(item ? heldForText(remainingMs(item.holdExpiresAt, Date.now())) : 'Added to your cart');
      return 'added';
    } catch (error) {
      message.error(describeFailure(error).message);
      return 'failed';
    }
  }

  return { add, adding: mutation.loading };
}
