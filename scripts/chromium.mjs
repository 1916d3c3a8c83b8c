// How every test here starts Chromium: Debian's build (or CHROME_PATH), headless, as root, with
// no background traffic (this machine's network is closed; Chromium would keep retrying).
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
