// serve.js URL OUTDIR - bayraq serve's page in a real browser (Debian's
// chromium through playwright-core): type a city, see the preview change,
// pick a country by its name, see an error beside its field, switch to
// Arabic (right to left), download the PDF into OUTDIR, and screenshot the
// page at desktop and phone sizes in en, uk, ar and ja into OUTDIR.
'use strict';
const { chromium } = require('playwright-core');
const path = require('path');

const [url, out] = process.argv.slice(2);

function check(ok, what) {
	if (!ok)
		throw new Error(what);
}

async function previewFor(page, text) {
	await page.waitForFunction((t) => {
		const img = document.getElementById('preview');
		return !img.hidden && (img.dataset.query || '').includes(t) &&
			img.complete && img.naturalWidth > 0;
	}, text, { timeout: 20000 });
	return page.$eval('#preview', (img) => ({ src: img.src,
		w: img.naturalWidth, h: img.naturalHeight }));
}

async function labelled(page) {
	const bare = await page.$$eval('input:not([type=hidden]), select', (els) =>
		els.filter((e) => !document.querySelector(`label[for="${e.id}"]`))
			.map((e) => e.name || e.id));
	check(bare.length === 0, `fields without a label: ${bare}`);
}

async function main() {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu'] });
	const errors = [];
	try {
		const ctx = await browser.newContext({ acceptDownloads: true,
			locale: 'en-US', viewport: { width: 1280, height: 900 } });
		const page = await ctx.newPage();
		page.on('pageerror', (e) => errors.push(String(e)));
		page.on('console', (m) => m.type() === 'error' &&
			!/status of 400/.test(m.text()) && errors.push(m.text()));
		await page.goto(url);
		check(await page.getAttribute('html', 'dir') === 'ltr', 'en page is not ltr');
		check(await page.getAttribute('html', 'lang') === 'en', 'page is not in English');
		await labelled(page);

		await page.fill('#city', 'Berlin');
		await page.fill('#country', 'germany');
		const first = await previewFor(page, 'city=Berlin');
		check(Math.max(first.w, first.h) >= 540 && Math.max(first.w, first.h) <= 660,
			`preview is ${first.w}x${first.h}, not about 600 px long`);
		check((await page.$eval('#preview', (i) => i.dataset.query)).includes('country=DE'),
			'the country typed by name did not become DE');

		await page.fill('#city', 'Kraków');
		await page.fill('#country', 'Poland (PL)');
		const second = await previewFor(page, 'city=Krak');
		check(second.src !== first.src, 'the preview did not change');
		await page.screenshot({ path: path.join(out, 'desktop-en.png'), fullPage: true });

		await page.selectOption('#size', 'custom');
		check(await page.isVisible('#size-custom'), 'no field for a custom size');
		await page.fill('#size-custom', '60x90cm');
		const custom = await previewFor(page, 'size=60x90cm');
		check(Math.abs(custom.w / custom.h - 60 / 90) < 0.02, `custom preview is ${custom.w}x${custom.h}`);
		await page.selectOption('#size', 'A2');
		await previewFor(page, 'size=A2');

		await page.fill('#country', 'Atlantis');
		await page.waitForFunction(() =>
			document.getElementById('country-error').textContent.includes('unknown country'),
			null, { timeout: 20000 });
		check(await page.getAttribute('#country', 'aria-invalid') === 'true',
			'the country field is not marked invalid');
		await page.fill('#country', 'PL');
		await previewFor(page, 'country=PL');

		await page.selectOption('#ui', 'ar');
		await page.waitForFunction(() => document.documentElement.lang === 'ar',
			null, { timeout: 20000 });
		check(await page.getAttribute('html', 'dir') === 'rtl', 'the Arabic page is not rtl');
		check(await page.inputValue('#city') === 'Kraków', 'the city was lost on switching');
		await previewFor(page, 'city=Krak');
		await labelled(page);
		await page.selectOption('#lang', 'ar');
		await previewFor(page, 'lang=ar');

		const [download] = await Promise.all([page.waitForEvent('download'),
			page.click('button[value=pdf]')]);
		check(/^liberate-crimea-[a-z]+-krakow-A2\.pdf$/.test(download.suggestedFilename()),
			`download named ${download.suggestedFilename()}`);
		await download.saveAs(path.join(out, 'banner.pdf'));
		await ctx.close();

		for (const [tag, city, country] of [['en', 'Berlin', 'DE'],
			['uk', 'Київ', 'PL'], ['ar', 'عمان', 'JO'], ['ja', '東京', 'JP']]) {
			for (const [kind, viewport] of [['desktop', { width: 1280, height: 900 }],
				['phone', { width: 390, height: 844 }]]) {
				const c = await browser.newContext({ viewport, locale: tag });
				const p = await c.newPage();
				p.on('pageerror', (e) => errors.push(String(e)));
				await p.goto(`${url}?lang=${tag}&city=${encodeURIComponent(city)}&country=${country}`);
				check(await p.getAttribute('html', 'lang') !== 'en' || tag === 'en',
					`Accept-Language ${tag} gave an English page`);
				await previewFor(p, 'city=');
				await p.screenshot({ path: path.join(out, `${kind}-${tag}.png`), fullPage: kind === 'phone' });
				await c.close();
			}
		}
		check(errors.length === 0, `errors in the page: ${errors.join('; ')}`);
	} finally {
		await browser.close();
	}
}

main().then(() => console.log('browser: ok'), (e) => {
	console.error(`browser: ${e.message}`);
	process.exit(1);
});
