/**
 * Every channel the server can run, one line each. A channel's plugin reads its settings; its
 * module, and with it its SDK, loads only once every setting has been checked.
 */

export { plugin as slack } from '../slack/plugin';
export { plugin as teams } from '../teams/plugin';
