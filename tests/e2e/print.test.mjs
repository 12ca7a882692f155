// The result prints as a one-to-two page summary on A4 and Letter, without navigation or buttons.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSite, openPage, openResult, openSite, runners, scenarios } from './helpers.mjs';

let srv;
let browser;
before(async () => ({ srv, browser } = await openSite()));
after(() => closeSite({ srv, browser }));

function pageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

for (const locale of ['en-GB', 'es-ES']) test(`every scenario's result fits on one or two pages of A4 and of Letter (${locale})`, async () => {
  const { page, problems, context } = await openPage(browser, srv.origin, { locale });
  const counts = [];
  const cases = [
    ...scenarios().map(({ name, answers, settings, stopChoice }) => ({ name, answers, options: { settings, stopChoice } })),
    ...Object.entries(runners).map(([name, answers]) => ({ name: `runner ${name}`, answers, options: {} })),
  ];
  for (const { name, answers, options } of cases) {
    await openResult(page, srv.origin, answers, options);
    await page.emulateMedia({ media: 'print' });
    // No navigation, buttons or links to other pages of the site in print.
    for (const selector of ['.header', '.footer', '[data-back]', '.button', '[data-result-actions]']) {
      const shown = await page.$$eval(selector, (els) => els.filter((el) => el.getClientRects().length > 0).length);
      assert.equal(shown, 0, `${name}: ${selector} shows in print`);
    }
    // The care card, the answers and the disclaimer are in every printout; the causes and tips
    // unless a stop ended the check.
    const stopped = !!(await page.$('[data-result-stop]'));
    const wanted = ['[data-care]', '[data-answers]', '[data-disclaimer]', ...(stopped ? [] : ['[data-causes]', '[data-tips]', '[data-sources]'])];
    for (const selector of wanted) {
      assert.ok(await page.$eval(selector, (el) => el.getClientRects().length > 0), `${name}: ${selector} is missing in print`);
    }
    assert.equal(await page.getAttribute('html', 'lang'), locale.slice(0, 2), `${name}: printed in the language shown`);
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
