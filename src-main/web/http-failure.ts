import type { ServerResponse } from 'node:http';

/** A refused or failed HTTP request, in plain words; one that failed after its headers went out is cut off. */
export function fail(response: ServerResponse, status: number, message: string): void {
  if (response.headersSent) return void response.destroy();
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }).end(message);
}
