/** hearback's version, shown by the CLI and the API; kept apart so the CLI need not load the server to print it. */
export const appVersion = '0.1.0';
