// React binding for the sse-notify client. Plain React.createElement instead of JSX so the file runs
// as served, without a build step; "react" is resolved by the page's import map or the app's bundler.
import React from "react";
import { createSseClient, postJson, streamBase } from "./sse-client.js";

const { createContext, createElement, useCallback, useContext, useEffect, useMemo, useRef, useState } = React;

// Two contexts so that components that only subscribe (useSSEEvent) do not re-render on every event.
const ClientContext = createContext(null);
const StateContext = createContext(null);

/**
 * Owns one connection for its subtree. Props: url, autoConnect, onConnect, onDisconnect, onError,
 * onMessage, children; any other prop (onGap, onSubscribed, topics, headers, authorization, getToken,
 * withCredentials, fetch, ack, maxBackoffMs, sendUrl, ...) is passed to createSseClient (topics: the first
 * connection's; change them with subscribe from useSSE). A new url means a new connection; the
 * callbacks, headers and authorization may change freely without reconnecting.
 */
export function SSEProvider({ url = "/api/sse", autoConnect = true, onConnect, onDisconnect, onError, onMessage, children, ...options }) {
  const [isConnected, setConnected] = useState(false);
  const [lastEvent, setLastEvent] = useState(null);
  const props = useRef(null);
  props.current = { onConnect, onDisconnect, onError, onMessage, ...options };

  const { withCredentials, sendUrl = streamBase(url) + "-test" } = options;
  // Created during render but inert until connect(), so a render React throws away leaves nothing open.
  const client = useMemo(() => createSseClient({
    ...options,
    url,
    autoConnect: false,
    withCredentials,
    headers: () => resolve(props.current.headers),
    authorization: () => resolve(props.current.authorization),
    // The newest getToken prop is asked each time, so a parent may swap it without reconnecting.
    getToken: options.getToken ? (request) => props.current.getToken?.(request) : undefined,
    onConnect: (info) => { setConnected(true); props.current.onConnect?.(info); },
    onDisconnect: (info) => { setConnected(false); props.current.onDisconnect?.(info); },
    onError: (error) => props.current.onError?.(error),
    onGap: (event) => props.current.onGap?.(event),
    onSubscribed: (event) => props.current.onSubscribed?.(event),
    onMessage: (event) => { setLastEvent(event); props.current.onMessage?.(event); },
  }), [url, withCredentials]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (autoConnect) client.connect();
    return () => client.disconnect();
  }, [client, autoConnect]);

  const sendEvent = useCallback(async (event, data, sendOptions = {}) => {
    const { fetch, headers, authorization, getToken } = props.current;
    const bearer = getToken ? async () => `Bearer ${await getToken({ refresh: false })}` : undefined;
    const response = await postJson(sendUrl, { event, data, target: "user", ...sendOptions },
      { fetch, headers, authorization: authorization ?? bearer, withCredentials });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      throw Object.assign(new Error(body?.detail || body?.title || `HTTP ${response.status}`), { status: response.status, problem: body });
    }
    return body;
  }, [sendUrl, withCredentials]);

  const connect = useCallback(() => client.connect(), [client]);
  const disconnect = useCallback(() => client.disconnect(), [client]);
  const subscribe = useCallback((change) => client.subscribe(change), [client]);
  const clientValue = useMemo(() => ({ client, connect, disconnect, sendEvent, subscribe }),
    [client, connect, disconnect, sendEvent, subscribe]);
  const stateValue = useMemo(() => ({ isConnected, lastEvent }), [isConnected, lastEvent]);

  return createElement(ClientContext.Provider, { value: clientValue },
    createElement(StateContext.Provider, { value: stateValue }, children));
}

function resolve(value) {
  return typeof value === "function" ? value() : value;
}

function useRequired(context, hook) {
  const value = useContext(context);
  if (value === null) throw new Error(`${hook} must be used inside <SSEProvider>`);
  return value;
}

/** { isConnected, lastEvent, connect, disconnect, sendEvent, subscribe } of the nearest SSEProvider. */
export function useSSE() {
  const { connect, disconnect, sendEvent, subscribe } = useRequired(ClientContext, "useSSE");
  const { isConnected, lastEvent } = useRequired(StateContext, "useSSE");
  return { isConnected, lastEvent, connect, disconnect, sendEvent, subscribe };
}

/** Calls handler({ event, data, id }) for each event named `name`; the latest handler is always used. */
export function useSSEEvent(name, handler) {
  const { client } = useRequired(ClientContext, "useSSEEvent");
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => client.on(name, (event) => latest.current?.(event)), [client, name]);
}
