/** Apple wants an app-specific password; there is no POP3. The IMAP user name is the part before the @. */
export const ICLOUD = `<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="icloud.com">
    <domain>icloud.com</domain>
    <domain>me.com</domain>
    <domain>mac.com</domain>
    <displayName>Apple iCloud Mail</displayName>
    <displayShortName>Apple iCloud Mail</displayShortName>
    <incomingServer type="imap">
      <hostname>imap.mail.me.com</hostname>
      <port>993</port>
      <socketType>SSL</socketType>
      <username>%EMAILLOCALPART%</username>
      <authentication>password-cleartext</authentication>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.mail.me.com</hostname>
      <port>587</port>
      <socketType>STARTTLS</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>password-cleartext</authentication>
    </outgoingServer>
  </emailProvider>
</clientConfig>
`;
