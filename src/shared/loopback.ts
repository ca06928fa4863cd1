/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (how Node reports a v4 client on a dual-stack socket). */
export function isLoopback(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || /^127\.\d+\.\d+\.\d+$/.test(v4);
}
