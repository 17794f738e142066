// serve.js URL OUTDIR - bayraq serve's page in a real browser (Debian's
// chromium through playwright-core): type a city, see the preview change,
// pick a country by its name, see an error beside its field, switch to
// Arabic (right to left) and see its errors without command-line words,
// download the PDF into OUTDIR, and screenshot the page at desktop and
// phone sizes in en, uk, ar, ka and ja into OUTDIR: on a phone the preview
// right after the city and the country, the size menu translated and whole,
// the designs by their names; typing the city on a phone, with and without
// the on-screen keyboard, the whole preview in view. Then the same with the keyboard only: every field in order
// by Tab, visibly focused, a design's thumbnail, the host flag and the
// preview's alt text.
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

// The pictures of the page: a thumbnail per design, the flag once a country
// of the list is given, and alt text on the preview that names the city.
async function pictures(page, city) {
	await page.waitForFunction(() => [...document.querySelectorAll('.design img')]
		.every((i) => i.complete && i.naturalWidth > 0), null, { timeout: 20000 });
	const thumbs = await page.$$eval('.design img', (imgs) => imgs.length);
	check(thumbs >= 1, 'no design thumbnails');
	await page.waitForFunction(() => {
		const f = document.getElementById('country-flag');
		return !f.hidden && f.complete && f.naturalHeight > 0;
	}, null, { timeout: 20000 });
	const alt = await page.getAttribute('#preview', 'alt');
	check(alt && alt.includes(city), `the preview's alt text is '${alt}'`);
}

// The error beside a field, once shown: in the page's language, with
// neither a command to type nor a design's slot name.
async function plainError(page, field) {
	const el = `#${field}-error`;
	await page.waitForFunction((e) => document.querySelector(e).textContent !== '',
		el, { timeout: 20000 });
	const text = await page.textContent(el);
	check(!/bayraq |slot '/.test(text), `the ${field} error shows '${text}'`);
	const lang = await page.getAttribute('html', 'lang');
	check(lang === 'en' || !/unknown|does not fit/.test(text),
		`the ${field} error on the ${lang} page is in English: '${text}'`);
}

// The size menu in the page's language, with no word of the English page's
// labels ("A2: 420 x 594 mm, poster": poster), and every choice whole in
// the closed menu on a desktop, the chosen one on a phone. A select's
// scrollWidth never exceeds its clientWidth, so the text is measured.
async function sizeMenu(page, kind, tag, english) {
	const words = new Set(english.filter((t) => t.includes(', '))
		.flatMap((t) => t.split(', ').pop().match(/[A-Za-z-]{3,}/g) || []));
	const menu = await page.$eval('#size', (s) => {
		const st = getComputedStyle(s);
		const ctx = document.createElement('canvas').getContext('2d');
		ctx.font = st.font;
		return { room: s.clientWidth - parseFloat(st.paddingLeft) -
				parseFloat(st.paddingRight) - 20,
			chosen: s.selectedIndex,
			options: [...s.options].map((o) => ({ text: o.text,
				width: ctx.measureText(o.text).width })) };
	});
	if (tag !== 'en')
		for (const o of menu.options)
			for (const w of words)
				check(!new RegExp(`\\b${w}\\b`, 'i').test(o.text),
					`${tag}: the size '${o.text}' says '${w}' in English`);
	const shown = kind === 'phone' ? [menu.options[menu.chosen]] : menu.options;
	for (const o of shown)
		check(o.width <= menu.room, `${tag} ${kind}: the size '${o.text}' is cut ` +
			`(${Math.round(o.width)} px in ${Math.round(menu.room)})`);
}

// Each design is named for people (web-design-name-FOLDER), not by its
// folder: "Hand-held sign", not sign.
async function designNames(page, tag) {
	const named = await page.$$eval('.design', (ls) => ls.map((l) =>
		[l.querySelector('input').value, l.textContent.trim()]));
	for (const [folder, name] of named)
		check(name && name !== folder, `${tag}: the design ${folder} is named '${name}'`);
}

// On a phone the preview comes right after the city and the country that
// change it, before the other choices and the downloads; on a desktop it is
// beside the fields, in view.
async function previewFirst(page, kind, tag) {
	const top = await page.evaluate(() => {
		const y = (s) => document.querySelector(s).getBoundingClientRect().top + scrollY;
		return { country: y('#country'), preview: y('#preview'), slogan: y('#slogan'),
			designs: y('#designs'), downloads: y('.downloads') };
	});
	if (kind === 'phone')
		check(top.country < top.preview && top.preview < top.slogan &&
			top.preview < top.designs && top.preview < top.downloads,
			`${tag} phone: the preview (at ${top.preview} px) is not right after the country (at ${top.country} px)`);
	else
		check(top.preview < page.viewportSize().height,
			`${tag} desktop: the preview starts at ${top.preview} px, out of sight`);
}

// Where the city field and the whole preview are on the screen, in px.
function onScreen(page) {
	return page.evaluate(() => {
		const r = (s) => document.querySelector(s).getBoundingClientRect();
		const city = r('#city'), img = r('#preview');
		return { city: [Math.round(city.top), Math.round(city.bottom)],
			preview: [Math.round(img.top), Math.round(img.bottom)],
			height: document.documentElement.clientHeight,
			seen: city.top >= 0 && img.top > city.bottom && img.height > 100 &&
				img.bottom <= document.documentElement.clientHeight };
	});
}

// An organizer on a phone types the city and sees the whole banner change
// below it, without scrolling; also with the on-screen keyboard up, which
// leaves the page 60% of the screen (interactive-widget=resizes-content).
async function typingOnPhone(browser, url, errors) {
	for (const [tag, city, country] of [['en', 'Berlin', 'DE'], ['ka', 'თბილისი', 'GE'],
		['ar', 'عمان', 'JO']]) {
		for (const viewport of [{ width: 390, height: 844 }, { width: 360, height: 740 }]) {
			const what = `${tag} ${viewport.width}x${viewport.height}`;
			const c = await browser.newContext({ viewport, locale: tag, hasTouch: true });
			const p = await c.newPage();
			p.on('pageerror', (e) => errors.push(String(e)));
			await p.goto(`${url}?ui=${tag}&lang=${tag}`);
			await p.fill('#country', country);
			await p.tap('#city');
			await p.keyboard.type(city);
			await previewFor(p, `city=${encodeURIComponent(city)}`);
			await p.waitForFunction(() => { /* a smooth scroll ends */
				const r = document.getElementById('preview').getBoundingClientRect();
				return r.bottom <= document.documentElement.clientHeight;
			}, null, { timeout: 5000 }).catch(() => {});
			let at = await onScreen(p);
			check(at.seen, `${what}: typing the city, the preview is at ${at.preview} px, ` +
				`the city at ${at.city} px, on a screen ${at.height} px high`);
			await p.setViewportSize({ width: viewport.width,
				height: Math.round(viewport.height * 0.6) });
			await p.waitForFunction(() => {
				const r = document.getElementById('preview').getBoundingClientRect();
				return r.bottom <= document.documentElement.clientHeight;
			}, null, { timeout: 5000 }).catch(() => {});
			at = await onScreen(p);
			check(at.seen, `${what} with a keyboard: the preview is at ${at.preview} px, ` +
				`the city at ${at.city} px, on a screen ${at.height} px high`);
			check(await p.evaluate(() => document.activeElement.id) === 'city',
				`${what}: the city field lost the focus`);
			await p.screenshot({ path: path.join(out, `typing-${tag}-${viewport.width}.png`) });
			await c.close();
		}
	}
}

// Tab through the page from the top: every field in order, each visibly
// focused; type with the keyboard, pick a design by the arrow keys, and
// download with Enter.
async function keyboard(browser, url, out, errors) {
	const ctx = await browser.newContext({ acceptDownloads: true,
		locale: 'en-US', viewport: { width: 1280, height: 900 } });
	const page = await ctx.newPage();
	page.on('pageerror', (e) => errors.push(String(e)));
	await page.goto(url);
	const seen = [];
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Tab');
		const f = await page.evaluate(() => {
			const e = document.activeElement;
			const st = getComputedStyle(e);
			return { id: e.id || e.value || e.tagName, outline: st.outlineStyle };
		});
		if (f.id === 'BODY' || seen.some((s) => s.id === f.id))
			break;
		seen.push(f);
	}
	const order = seen.map((f) => f.id);
	const want = ['ui', 'city', 'country', 'lang', 'size', 'orientation'];
	check(want.every((id, i) => order.indexOf(id) >= 0 &&
		(i === 0 || order.indexOf(id) > order.indexOf(want[i - 1]))),
		`Tab order is ${order}`);
	check(order.some((id) => id.startsWith('design-')), `Tab never reaches a design: ${order}`);
	for (const v of ['pdf', 'png', 'print', 'tiles', 'sheet'])
		check(order.includes(v), `Tab never reaches ${v}: ${order}`);
	const bare = seen.filter((f) => f.outline === 'none').map((f) => f.id);
	check(bare.length === 0, `focused without an outline: ${bare}`);

	await page.focus('#ui');
	await page.keyboard.press('Tab');
	await page.keyboard.type('Lviv');
	await page.keyboard.press('Tab');
	await page.keyboard.type('Poland (PL)');
	await previewFor(page, 'city=Lviv');
	await pictures(page, 'Lviv');
	await page.focus('input[name=design]:checked');
	await page.keyboard.press('ArrowDown');
	check(await page.$eval('input[name=design]:checked', (r) => r.value) !== null,
		'no design is chosen after the arrow keys');
	await page.screenshot({ path: path.join(out, 'keyboard-en.png'), fullPage: true });
	await page.focus('button[value=pdf]');
	const [download] = await Promise.all([page.waitForEvent('download'),
		page.keyboard.press('Enter')]);
	check(/^liberate-crimea-en-lviv-A2\.pdf$/.test(download.suggestedFilename()) ||
		/-lviv-A2\.pdf$/.test(download.suggestedFilename()),
		`keyboard download named ${download.suggestedFilename()}`);

	// An arrow key on the page's language does not switch the page under
	// the user's fingers; Enter (or the Go button it shows) does.
	await page.focus('#ui');
	await page.keyboard.press('ArrowDown');
	await page.waitForTimeout(500);
	check(await page.getAttribute('html', 'lang') === 'en',
		'an arrow key on the page language switched the page');
	check(await page.isVisible('.go'), 'no Go button after an arrow key on the page language');
	await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
	check(await page.getAttribute('html', 'lang') !== 'en', 'Enter did not switch the page language');
	check(await page.inputValue('#city') === 'Lviv', 'the city was lost on switching');
	await ctx.close();
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
		const englishSizes = await page.$$eval('#size option', (os) => os.map((o) => o.text));
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
		await pictures(page, 'Kraków');
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
		await plainError(page, 'country');
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
		await page.fill('#country', 'Atlantis');
		await plainError(page, 'country');
		await page.fill('#country', 'PL');
		await page.fill('#city', 'Kraków'.repeat(40));
		await plainError(page, 'city');
		await page.fill('#city', 'Kraków');
		await previewFor(page, 'city=Krak');

		const [download] = await Promise.all([page.waitForEvent('download'),
			page.click('button[value=pdf]')]);
		check(/^liberate-crimea-[a-z]+-krakow-A2\.pdf$/.test(download.suggestedFilename()),
			`download named ${download.suggestedFilename()}`);
		await download.saveAs(path.join(out, 'banner.pdf'));
		await ctx.close();

		for (const [tag, city, country] of [['en', 'Berlin', 'DE'],
			['uk', 'Київ', 'PL'], ['ar', 'عمان', 'JO'], ['ka', 'თბილისი', 'GE'],
			['ja', '東京', 'JP']]) {
			for (const [kind, viewport] of [['desktop', { width: 1280, height: 900 }],
				['phone', { width: 390, height: 844 }]]) {
				const c = await browser.newContext({ viewport, locale: tag });
				const p = await c.newPage();
				p.on('pageerror', (e) => errors.push(String(e)));
				await p.goto(`${url}?lang=${tag}&city=${encodeURIComponent(city)}&country=${country}`);
				check(await p.getAttribute('html', 'lang') !== 'en' || tag === 'en',
					`Accept-Language ${tag} gave an English page`);
				await previewFor(p, 'city=');
				await pictures(p, city);
				await previewFirst(p, kind, tag);
				await sizeMenu(p, kind, tag, englishSizes);
				await designNames(p, tag);
				await p.screenshot({ path: path.join(out, `${kind}-${tag}.png`), fullPage: kind === 'phone' });
				await c.close();
			}
		}
		await typingOnPhone(browser, url, errors);
		await keyboard(browser, url, out, errors);
		check(errors.length === 0, `errors in the page: ${errors.join('; ')}`);
	} finally {
		await browser.close();
	}
}

main().then(() => console.log('browser: ok'), (e) => {
	console.error(`browser: ${e.stack}`);
	process.exit(1);
});
