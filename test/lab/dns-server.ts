import dns2 from 'dns2';

const { Packet } = dns2;

export interface DnsRecords {
  a: Record<string, string[]>;
  mx: Record<string, { exchange: string; priority: number }[]>;
  srv: Record<string, { target: string; port: number; priority?: number; weight?: number }[]>;
  /** Each record's text (a DKIM key: "v=DKIM1; k=rsa; p=…"). */
  txt: Record<string, string[]>;
}

export interface TestDnsServer {
  /** "127.0.0.1:PORT", for dns.Resolver#setServers. */
  server: string;
  records: DnsRecords;
  /** Every question asked, as "TYPE name". */
  questions: string[];
  close(): Promise<void>;
}

/** RFC 1035 §4.1.1: "the domain name referenced in the query does not exist" (dns2's typings lack Packet.RCODE). */
const NXDOMAIN = 3;

const TYPE_NAMES: Record<number, string> = { [Packet.TYPE.A]: 'A', [Packet.TYPE.MX]: 'MX', [Packet.TYPE.SRV]: 'SRV', [Packet.TYPE.TXT]: 'TXT' };

/**
 * A DNS server on loopback (UDP) answering from `records`, which a test may
 * change at any time; any other name gets NXDOMAIN, as a real domain would.
 */
export async function startDnsServer(records: Partial<DnsRecords> = {}): Promise<TestDnsServer> {
  const table: DnsRecords = { a: {}, mx: {}, srv: {}, txt: {}, ...records };
  const questions: string[] = [];
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      const name = question!.name.toLowerCase();
      questions.push(`${TYPE_NAMES[question!.type] ?? question!.type} ${name}`);
      const answers = answersFor(table, question!.type, name);
      if (answers.length === 0) response.header.rcode = NXDOMAIN;
      const resources = answers.map((answer) => ({ name: question!.name, class: Packet.CLASS.IN, ttl: 60, ...answer }));
      response.answers.push(...(resources as unknown as typeof response.answers));
      send(response);
    },
  });
  await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  const { port } = server.addresses().udp!;
  return { server: `127.0.0.1:${port}`, records: table, questions, close: () => server.close() };
}

function answersFor(table: DnsRecords, type: number, name: string): Record<string, unknown>[] {
  if (type === Packet.TYPE.A) return (table.a[name] ?? []).map((address) => ({ type, address }));
  if (type === Packet.TYPE.MX) return (table.mx[name] ?? []).map(({ exchange, priority }) => ({ type, exchange, priority }));
  // A character-string holds at most 255 bytes (RFC 1035 §3.3): a longer text goes as several, which a resolver joins.
  if (type === Packet.TYPE.TXT) return (table.txt[name] ?? []).map((text) => ({ type, data: text.match(/[^]{1,255}/g) ?? [''] }));
  if (type === Packet.TYPE.SRV) return (table.srv[name] ?? []).map(({ target, port, priority = 0, weight = 0 }) => ({ type, target, port, priority, weight }));
  return [];
}
