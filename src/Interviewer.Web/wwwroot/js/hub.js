// The SignalR connection to /hubs/interview: automatic and stateful reconnect, waits for a live
// connection before invoking, and turns hub errors ("rate_limited: ...") into { code, detail }.
/* global signalR */

const errorCodes = ['not_found', 'invalid_input', 'forbidden', 'rate_limited', 'conflict'];

/** A hub error: code is one of the protocol's stable codes, or 'unknown'; transport is true when the connection failed. */
export class HubError extends Error {
  constructor(code, detail, transport = false) {
    super(detail || code);
    this.code = code;
    this.detail = detail;
    this.transport = transport;
  }
}

/** Reads "An unexpected error occurred invoking 'X' on the server. HubException: rate_limited: wait" as { code, detail }. */
export function parseHubError(error) {
  const message = String(error?.message ?? error ?? '');
  const match = message.match(new RegExp(`(?:^|HubException: |\\s)(${errorCodes.join('|')}):\\s*([\\s\\S]*)$`));
  if (match) return new HubError(match[1], match[2].trim());
  // Anything the server did not phrase with a code is a transport failure or a server fault.
  const fromServer = /on the server/.test(message);
  return new HubError('unknown', '', !fromServer);
}

// Retry for ever: the candidate should not lose an interview to a long outage.
const retryPolicy = {
  nextRetryDelayInMilliseconds: ({ previousRetryCount }) => [0, 1000, 2000, 5000][previousRetryCount] ?? 10000,
};

export class InterviewHub {
  constructor({ url = '/hubs/interview', onEvent, onState }) {
    this.onState = onState;
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl(url)
      .withAutomaticReconnect(retryPolicy)
      .withStatefulReconnect()
      .configureLogging(signalR.LogLevel.Error)
      .build();
    for (const name of ['Question', 'Graded', 'GradeFailed', 'Completed']) {
      this.connection.on(name, (payload) => onEvent(name, payload));
    }
    this.connection.onreconnecting(() => this.#setState('reconnecting'));
    this.connection.onreconnected(() => this.#setState('reconnected'));
    // Automatic reconnect never gives up, so onclose only follows stop() or a server that closed on us.
    this.connection.onclose(() => { if (!this.stopped) this.#startLoop(); });
    this.state = 'connecting';
    this.released = false;
    this.waiters = [];
  }

  start() {
    this.stopped = false;
    this.#startLoop();
  }

  async #startLoop() {
    if (this.starting) return;
    this.starting = true;
    this.#setState('connecting');
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        await this.connection.start();
        this.starting = false;
        this.#setState('connected');
        return;
      } catch {
        if (attempt > 0) this.#setState('closed');
        await new Promise((resolve) => setTimeout(resolve, Math.min(10000, 1000 * (attempt + 1))));
      }
    }
    this.starting = false;
  }

  #setState(state) {
    this.state = state;
    // A new connection is held back until the page has resumed its session on it (see release()).
    this.released = false;
    this.onState?.(state);
  }

  get isConnected() {
    return this.connection.state === signalR.HubConnectionState.Connected;
  }

  /**
   * Lets queued invocations through on this connection. The page calls it once the connection is ready
   * for them (after ResumeInterview on a new connection, since the hub only accepts a session's calls from
   * a connection that started or resumed it).
   */
  release() {
    if (!this.isConnected) return;
    this.released = true;
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  whenReady() {
    if (this.isConnected && this.released) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Invokes a hub method once the connection is ready (or merely up, with { early: true }); rejects with a HubError. */
  async invoke(method, argument, { early = false } = {}) {
    if (early) {
      if (!this.isConnected) throw new HubError('unknown', '', true);
    } else {
      await this.whenReady();
    }
    try {
      return await this.connection.invoke(method, argument);
    } catch (error) {
      throw parseHubError(error);
    }
  }
}
