/** A response body for assertions (tests check its shape with expect, not with types). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const jsonOf = (res: Response): Promise<any> => res.json();
