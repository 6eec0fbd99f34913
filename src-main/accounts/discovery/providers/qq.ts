/** QQ Mail wants IMAP turned on in its web settings and an authorization code (授权码) as the password. */
export const QQ_MAIL = `<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="qq.com">
    <domain>qq.com</domain>
    <domain>foxmail.com</domain>
    <domain>vip.qq.com</domain>
    <displayName>QQ Mail</displayName>
    <displayShortName>QQ Mail</displayShortName>
    <incomingServer type="imap">
      <hostname>imap.qq.com</hostname>
      <port>993</port>
      <socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>password-cleartext</authentication>
    </incomingServer>
    <incomingServer type="pop3">
      <hostname>pop.qq.com</hostname>
      <port>995</port>
      <socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>password-cleartext</authentication>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.qq.com</hostname>
      <port>465</port>
      <socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>password-cleartext</authentication>
    </outgoingServer>
  </emailProvider>
</clientConfig>
`;
