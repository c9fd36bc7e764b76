// Screenshots of every screen at phone, tablet portrait, tablet landscape and projector sizes, into
// build/screenshots/walk-*.png, to look at (not a test): cd tests && node browser/tour_screens.mjs
import { launchBrowser, openPage, waitReady, screenshot, startServer, sizes } from './harness.mjs';
const server = await startServer();
const browser = await launchBrowser();
const routes = ['overview', 'members', 'members/org.sotnmt.27', 'meetings', 'meetings/mtg.cum1.2021-03-25.giao-uoc', 'covenant',
  'results', 'results/ballots', 'results/awards', 'history', 'scoring'];
for (const [name, size] of Object.entries(sizes)) {
  const page = await openPage(browser, `${server.url}#/overview?year=2021`, size);
  await waitReady(page, 120000);
  for (const route of routes) {
    await page.evaluate((r) => { location.hash = `#/${r}?year=2021`; }, route);
    await screenshot(page, `walk-${name}-${route.replace(/\//g, '_')}`);
  }
  await page.context().close();
}
await browser.close();
await server.stop();
