// Lets `data-testid` ride along in naive-ui's `input-props` / option `props`, which are typed as
// Vue's HTMLAttributes; Playwright needs it on the real <input>, not on the wrapper div.
export {};

declare module 'vue' {
  interface HTMLAttributes {
    'data-testid'?: string;
  }
}
