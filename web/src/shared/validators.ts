// Limits mirror the API's SignUpInput rules so the form rarely round-trips just to be told no.
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const NAME_MAX = 100;

// Deliberately loose: one @, something on each side, a dot in the domain. The API has the final say.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type Validator = (value: string) => string | null;

/** An email rule worded for its audience: staff are asked for their "work email address". */
export function emailRule({ noun = 'email address', example = 'name@example.com' } = {}): Validator {
  return (value) => {
    const email = value.trim();
    if (email === '') return `Enter your ${noun}.`;
    if (!EMAIL_SHAPE.test(email)) return `Enter an email address like ${example}.`;
    return null;
  };
}

export const validateEmail = emailRule();

export const validateNewPassword: Validator = (value) => {
  if (value === '') return 'Choose a password.';
  if (value.length < PASSWORD_MIN) {
    const missing = PASSWORD_MIN - value.length;
    return `Use at least ${PASSWORD_MIN} characters (${missing} more).`;
  }
  if (value.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  return null;
};

// Signing in must not apply the sign-up length rules: older accounts may predate them.
export const validatePresentPassword: Validator = (value) => (value === '' ? 'Enter your password.' : null);

export const validateName: Validator = (value) => {
  const name = value.trim();
  if (name === '') return 'Tell us what to call you.';
  if (name.length > NAME_MAX) return `Use at most ${NAME_MAX} characters.`;
  return null;
};
