/* bayraq serve: the live preview. No framework; the form works without it. */
'use strict';
(function () {
	var form = document.getElementById('banner');
	var img = document.getElementById('preview');
	var status = document.getElementById('status');
	var box = document.querySelector('.preview');
	var ui = document.getElementById('ui');
	var flag = document.getElementById('country-flag');
	var designs = document.getElementById('designs');
	var fields = ['design', 'lang', 'city', 'country', 'size', 'orientation',
		'slogan', 'event'];
	var timer = null, ctrl = null, shown = null, last = '';

	document.documentElement.classList.add('js');

	/*
	 * "germany", "Germany (DE)", "Scotland (GB-SCT)" or "de": the code, from
	 * the list's names; any other name goes as typed, for the server to find.
	 */
	var CODE = / \(([A-Z]{2}(?:-[A-Z0-9]{1,3})?)\)$/;
	function countryCode(v) {
		var m = /\(([A-Za-z]{2}(?:-[A-Za-z0-9]{1,3})?)\)$/.exec(v), found = [];
		if (m)
			return m[1];
		document.querySelectorAll('#countries option').forEach(function (o) {
			var name = o.value.replace(CODE, '').toLowerCase();
			if (name === v.toLowerCase())
				found.unshift(o.value);
			else if (v.length >= 3 && name.indexOf(v.toLowerCase()) === 0)
				found.push(o.value);
		});
		m = found.length >= 1 && (found.length === 1 ||
			found[0].replace(CODE, '').toLowerCase() === v.toLowerCase())
			? CODE.exec(found[0]) : null;
		return m ? m[1] : v;
	}

	/* The form's values as the query of /preview and /file. */
	function query() {
		var p = new URLSearchParams();
		fields.concat(['sheet']).forEach(function (name) {
			var v = form.elements[name].value.trim();
			if (v && name === 'country')
				v = countryCode(v);
			if (name === 'size' && v === 'custom')
				v = document.getElementById('size-custom').value.trim();
			if (v) p.set(name, v);
		});
		return p;
	}

	/* The host flag beside the country, once it names one of the list. */
	function showFlag() {
		var code = countryCode(form.elements.country.value.trim());
		var known = /^[A-Z]{2}$/.test(code) &&
			document.querySelector('#countries option[value$="(' + code + ')"]');
		if (!known) {
			flag.hidden = true;
			flag.removeAttribute('src');
			delete flag.dataset.code;
			return;
		}
		if (flag.dataset.code !== code)
			flag.src = '/flag?country=' + code;
		flag.dataset.code = code;
		flag.hidden = false;
	}

	/* What the preview shows, for screen readers: the form's own words. */
	function describe() {
		var size = form.elements.size;
		var parts = [form.elements.city.value.trim(),
			form.elements.country.value.trim(),
			size.value === 'custom' ? document.getElementById('size-custom').value.trim()
				: size.options[size.selectedIndex].text,
			form.elements.lang.options[form.elements.lang.selectedIndex].text];
		return img.dataset.alt + ': ' + parts.filter(Boolean).join(', ');
	}

	function clearErrors() {
		document.querySelectorAll('main .error').forEach(function (e) { e.textContent = ''; });
		document.querySelectorAll('[aria-invalid]').forEach(function (e) {
			e.removeAttribute('aria-invalid');
		});
	}

	/*
	 * The server's reason, on an English page only: it is written for the
	 * command line, in English. Its hints at commands go; a fit's reason
	 * names the design's slots, and the page's own sentence says it all.
	 */
	function detailOf(kind, message) {
		var text = message.replace(/[;,]? *(?:run|see) '?bayraq [^')]*'?/g, '');

		if (!/^en\b/.test(document.documentElement.lang) || kind === 'fit' ||
			/bayraq |slot '/.test(text))
			return '';
		return text;
	}

	/* A sentence in the page's language, then the server's reason. */
	function showError(field, kind, message) {
		var el = field ? document.getElementById(field + '-error') : null;
		var hint = kind === 'fit' && field === 'city' ? status.dataset.fitCity
			: kind === 'fit' ? status.dataset.fitSize : status.dataset.check;
		var detail = document.createElement('span');
		clearErrors();
		el = el || document.getElementById('preview-error');
		el.textContent = hint + ' ';
		detail.className = 'detail';
		detail.textContent = detailOf(kind, message);
		if (detail.textContent)
			el.appendChild(detail);
		if (field === 'design')
			designs.setAttribute('aria-invalid', 'true');
		else if (field && form.elements[field])
			form.elements[field].setAttribute('aria-invalid', 'true');
	}

	/*
	 * On a phone, the city and the country are typed with the banner in
	 * view under them: the preview is as high as the screen less what is
	 * between the city's label and the preview, and while one of the two
	 * fields has the focus the page scrolls (down only) to put that label
	 * at the top. A desktop has the preview beside the fields.
	 */
	var phone = window.matchMedia('(max-width: 51.99rem)');
	var calm = window.matchMedia('(prefers-reduced-motion: reduce)');
	var cityLabel = document.querySelector('label[for=city]');

	function fitPreview() {
		var h = document.documentElement.clientHeight;
		var above = img.getBoundingClientRect().top -
			cityLabel.getBoundingClientRect().top;
		if (!img.hidden)
			img.style.setProperty('--room',
				Math.round(Math.max(h - above - 16, 0.3 * h)) + 'px');
	}

	function inView() {
		var y = cityLabel.getBoundingClientRect().top - 8;
		var f = document.activeElement;
		if (!phone.matches || img.hidden || y <= 0 ||
			(f !== form.elements.city && f !== form.elements.country) ||
			img.getBoundingClientRect().bottom <=
				document.documentElement.clientHeight)
			return;
		window.scrollBy({ top: y, behavior: calm.matches ? 'auto' : 'smooth' });
	}

	function update() {
		var p = query(), q;
		p.delete('sheet');
		q = p.toString();
		if (!p.get('city') || !p.get('country')) {
			status.textContent = status.dataset.empty;
			return;
		}
		if (q === last)
			return;
		if (ctrl)
			ctrl.abort();
		ctrl = new AbortController();
		status.textContent = status.dataset.wait;
		box.classList.add('busy');
		fetch('/preview?' + q, { signal: ctrl.signal }).then(function (res) {
			if (res.status === 503) {
				status.textContent = status.dataset.busy;
				timer = setTimeout(update, 1000 * (+res.headers.get('Retry-After') || 2));
				return null;
			}
			if (!res.ok) {
				return res.text().then(function (text) {
					last = q;
					showError(res.headers.get('X-Bayraq-Field'),
						res.headers.get('X-Bayraq-Kind'), text.trim());
					status.textContent = status.dataset.error;
					box.classList.remove('busy');
				});
			}
			return res.blob().then(function (blob) {
				last = q;
				clearErrors();
				if (shown)
					URL.revokeObjectURL(shown);
				shown = URL.createObjectURL(blob);
				img.src = shown;
				img.alt = describe();
				img.dataset.query = q;
				img.hidden = false;
				status.textContent = '';
				fitPreview();
				box.classList.remove('busy');
			});
		}).catch(function (e) {
			if (e.name !== 'AbortError')
				status.textContent = status.dataset.error;
		});
	}

	function later() {
		showFlag();
		clearTimeout(timer);
		timer = setTimeout(update, 300);
	}

	/* Values carried over from a language switch: /?ui=ar&city=... */
	new URLSearchParams(location.search).forEach(function (v, k) {
		if (k === 'design')
			form.querySelectorAll('input[name=design]').forEach(function (r) {
				r.checked = r.value === v;
			});
		else if (fields.indexOf(k) >= 0 || k === 'sheet')
			form.elements[k].value = v;
		if (k === 'size' && form.elements.size.value !== v) {
			form.elements.size.value = 'custom';
			document.getElementById('size-custom').value = v;
		}
	});
	customSize();
	window.addEventListener('resize', fitPreview);
	/* Its height is known once it has loaded. */
	img.addEventListener('load', inView);
	form.elements.city.addEventListener('focus', inView);
	form.elements.country.addEventListener('focus', inView);
	img.dataset.alt = img.alt;
	flag.addEventListener('error', function () { flag.hidden = true; });
	showFlag();
	/* Downloads go through the same query, so a typed name works too. */
	form.addEventListener('submit', function (e) {
		var p = query();
		e.preventDefault();
		p.set('format', e.submitter ? e.submitter.value : 'pdf');
		location.href = '/file?' + p.toString();
	});
	/* "Custom size…" shows the field for WxH. */
	function customSize() {
		var on = form.elements.size.value === 'custom';
		form.querySelectorAll('.custom').forEach(function (e) { e.hidden = !on; });
	}
	form.elements.size.addEventListener('change', customSize);
	form.addEventListener('input', later);
	form.addEventListener('change', later);
	/* The page in another language, keeping what was typed. */
	function switchPage(e) {
		var p = query();
		if (e)
			e.preventDefault();
		p.set('ui', ui.value);
		location.search = '?' + p.toString();
	}
	/*
	 * A pick with the mouse or touch switches at once; the arrow keys
	 * change a closed select's value one step at a time, so from the
	 * keyboard the page waits for Enter or its Go button (WCAG 3.2.2).
	 */
	var uiKeyed = false;
	ui.addEventListener('keydown', function (e) {
		uiKeyed = e.key !== 'Enter';
		if (e.key === 'Enter')
			switchPage(e);
	});
	ui.addEventListener('mousedown', function () { uiKeyed = false; });
	ui.addEventListener('change', function () {
		if (uiKeyed)
			ui.form.classList.add('keyed');
		else
			switchPage();
	});
	ui.form.addEventListener('submit', switchPage);
	update();
})();
