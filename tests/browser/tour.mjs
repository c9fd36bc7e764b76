// Screenshots of every projector slide and reveal step, 2021/2024/2026, at 1920x1080 and 1280x720, into
// build/screenshots/tour-*.png, to look at (not a test): cd tests && node browser/tour.mjs
import { launchBrowser, openPage, waitReady, settle, screenshot, startServer, tap, state, sizes } from './harness.mjs';
const server = await startServer();
const browser = await launchBrowser();
for (const [name, size] of [['1080', sizes.projector], ['720', { viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, hasTouch: false }]]) {
  for (const year of [2021, 2024, 2026]) {
    const page = await openPage(browser, `${server.url}#/overview?year=${year}`, size);
    await waitReady(page);
    await tap(page, 'Trình chiếu');
    for (let i = 0; i < 24; i++) {
      const s = (await state(page)).presentation;
      await screenshot(page, `tour-${name}-${year}-${String(i).padStart(2, '0')}-s${s.slide}r${s.reveal_step}`);
      await page.keyboard.press('PageDown');
      await settle(page);
      const t = (await state(page)).presentation;
      if (t.slide === s.slide && t.reveal_step === s.reveal_step) break;
    }
    await page.context().close();
  }
}
await browser.close();
await server.stop();
