// The result prints as a one-to-two page summary on A4 and Letter, without navigation or buttons.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSite, openPage, openResult, openSite, scenarios } from './helpers.mjs';

let srv;
let browser;
before(async () => ({ srv, browser } = await openSite()));
after(() => closeSite({ srv, browser }));

function pageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

test('every scenario\'s result fits on one or two pages of A4 and of Letter', async () => {
  const { page, problems, context } = await openPage(browser, srv.origin);
  const counts = [];
  for (const { name, answers } of scenarios()) {
    await openResult(page, srv.origin, answers);
    await page.emulateMedia({ media: 'print' });
    // No navigation, buttons or links to other pages of the site in print.
    for (const selector of ['.header', '.footer', '[data-back]', '.button', '[data-result-actions]']) {
      const shown = await page.$$eval(selector, (els) => els.filter((el) => el.getClientRects().length > 0).length);
      assert.equal(shown, 0, `${name}: ${selector} shows in print`);
    }
    // The answers are in the printout, and so are the care card, causes, tips and sources.
    for (const selector of ['[data-care]', '[data-causes]', '[data-tips]', '[data-answers]', '[data-sources]', '[data-disclaimer]']) {
      assert.ok(await page.$eval(selector, (el) => el.getClientRects().length > 0), `${name}: ${selector} is missing in print`);
    }
    for (const format of ['A4', 'Letter']) {
      const pages = pageCount(await page.pdf({ format, printBackground: true }));
      counts.push(`${name} ${format}: ${pages}`);
      assert.ok(pages >= 1 && pages <= 2, `${name} on ${format} prints on ${pages} pages`);
    }
    await page.emulateMedia({ media: 'screen' });
  }
  console.log(counts.join('\n'));
  assert.deepEqual(problems(), []);
  await context.close();
});
