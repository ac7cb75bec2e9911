// FormCoach Mini App: vanilla JS, no framework, nothing from a CDN.
// Telegram: window.Telegram.WebApp when present (telegram-web-app.js, or a test's injection); otherwise the
// launch parameters Telegram clients put in the URL fragment (#tgWebAppData=…&tgWebAppThemeParams=…).
// Without initData the page says "open in Telegram" and calls nothing. Every API call carries
// "Authorization: tma <initData>"; the first (settings) is the sign-in check: a 401 shows the notice and
// the page stops. Charts are SVG rendered by the server (bot/webapp/svg.py), inserted as they come.
"use strict";
(() => {
  const boot = JSON.parse(document.getElementById("boot").textContent);
  const $ = (id) => document.getElementById(id);
  const state = { lang: boot.locales[0], strings: {}, settings: null, weekOffset: 0, exercise: null,
    session: null, historyBefore: null, loaded: {} };

  class AuthError extends Error {}

  function postEvent(name, data) {
    const body = JSON.stringify(data || {});
    if (window.TelegramWebviewProxy) window.TelegramWebviewProxy.postEvent(name, body);
    else if (window.parent !== window) {
      window.parent.postMessage(JSON.stringify({ eventType: name, eventData: data || {} }), "https://web.telegram.org");
    }
  }

  const parse = (text) => { try { return JSON.parse(text); } catch (e) { return null; } };
  // Unverified, for the notices' language before sign-in only; the server trusts nothing of it.
  const userOf = (initData) => parse(new URLSearchParams(initData).get("user") || "null");

  function telegram() {
    const wa = window.Telegram && window.Telegram.WebApp;
    if (wa) {
      return { initData: wa.initData || "", theme: wa.themeParams || {}, scheme: wa.colorScheme || null,
        user: (wa.initDataUnsafe && wa.initDataUnsafe.user) || userOf(wa.initData || ""),
        ready() { if (wa.ready) wa.ready(); if (wa.expand) wa.expand(); },
        onTheme(fn) { if (wa.onEvent) wa.onEvent("themeChanged", () => fn(wa.themeParams, wa.colorScheme)); } };
    }
    const hash = new URLSearchParams(location.hash.slice(1));
    const initData = hash.get("tgWebAppData") || "";
    return { initData, theme: parse(hash.get("tgWebAppThemeParams") || "{}") || {}, scheme: null,
      user: userOf(initData),
      ready() { postEvent("web_app_ready"); postEvent("web_app_expand"); },
      onTheme(fn) {
        const receive = (name, data) => { if (name === "theme_changed" && data) fn(data.theme_params, null); };
        window.Telegram = { WebView: { receiveEvent: receive } };
        window.addEventListener("message", (event) => {
          if (event.origin !== "https://web.telegram.org") return;
          const msg = parse(event.data);
          if (msg) receive(msg.eventType, msg.eventData);
        });
      } };
  }

  function applyTheme(params, scheme) {
    const root = document.documentElement;
    for (const [key, value] of Object.entries(params || {})) {
      if (/^[a-z_]+$/.test(key) && /^#[0-9a-fA-F]{3,8}$/.test(String(value))) {
        root.style.setProperty("--tg-theme-" + key.replace(/_/g, "-"), value);
      }
    }
    if (scheme !== "light" && scheme !== "dark") {
      const bg = (params || {}).bg_color;
      if (/^#[0-9a-fA-F]{6}$/.test(bg || "")) {
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(bg.slice(i, i + 2), 16));
        scheme = 0.299 * r + 0.587 * g + 0.114 * b < 128 ? "dark" : "light";
      } else scheme = matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
    }
    root.dataset.scheme = scheme;
  }

  const t = (key, vars) => (state.strings[key] ?? key).replace(/\{(\w+)\}/g, (m, n) => (vars && n in vars ? vars[n] : m));
  const pickLang = (code) => { const c = String(code || "").slice(0, 2).toLowerCase(); return boot.locales.includes(c) ? c : boot.locales[0]; };
  const md = (iso) => `${+iso.slice(5, 7)}/${+iso.slice(8, 10)}`;
  const when = (iso) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  const one = (v) => (v == null ? "–" : String(Math.round(v * 10) / 10));
  const pct = (v) => (v == null ? "–" : `${Math.round(v * 100)}%`);
  const signed = (n) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0");
  const exName = (id) => state.strings[`exercise-${id}`] || id;
  const gradeName = (g) => (g ? t(`grade-${g}`) : t("grade-none"));

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === "text") el.textContent = v;
      else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? "" : v);
    }
    for (const child of children.flat()) if (child != null) el.append(child);
    return el;
  }
  const fill = (el, ...children) => el.replaceChildren(...children.flat().filter((c) => c != null));
  const chart = (svg, attrs) => { const box = h("div", { class: "chart-box", ...attrs }); box.innerHTML = svg || ""; return box; };
  const card = (title, ...children) => h("div", { class: "card" }, title ? h("h3", { text: title }) : null, ...children);

  async function api(path, options) {
    const opts = options || {};
    const res = await fetch(path, { ...opts, headers: { ...(opts.headers || {}), Authorization: `tma ${tg.initData}` } });
    if (res.status === 401 || res.status === 403) throw new AuthError(String(res.status));
    if (!res.ok) throw new Error(`${res.status} ${path}`);
    return path.endsWith(".jpg") ? res.blob() : res.json();
  }

  function status(text) { $("status").textContent = text || ""; }

  function gate(key) {
    $("app").hidden = true;
    status("");
    $("gate").textContent = boot.strings[state.lang][key];
    $("gate").hidden = false;
  }

  async function guarded(work) {
    try { await work(); } catch (e) {
      if (e instanceof AuthError) gate(e.message === "403" ? "webapp-not-allowed" : "webapp-auth-failed");
      else { console.error(e); status(t("webapp-load-failed")); }
    }
  }

  // --- this week ---------------------------------------------------------------------------------------
  async function renderWeek() {
    const w = await api(`api/week?offset=${state.weekOffset}&lang=${state.lang}`);
    const page = $("page-week");
    const trend = (n) => h("span", { class: `trend ${n > 0 ? "up" : n < 0 ? "down" : ""}`, "data-trend": n,
      text: n === 0 ? t("webapp-trend-same") : `${signed(n)} ${t("webapp-trend")}` });
    const tile = (stat, label, value, extra) => h("div", { class: "tile", "data-stat": stat },
      h("span", { class: "label", text: label }), h("strong", { text: value }), extra);
    const days = w.days;
    fill(page,
      h("div", { class: "row" },
        h("button", { type: "button", class: "link", id: "week-prev", text: t("webapp-week-prev"),
          disabled: state.weekOffset >= 520, onclick: () => { state.weekOffset += 1; guarded(renderWeek); } }),
        h("h2", { id: "week-range", text: t("webapp-week-of", { start: md(days[0].day), end: md(days[days.length - 1].day) }) }),
        h("button", { type: "button", class: "link", id: "week-next", text: t("webapp-week-next"),
          disabled: state.weekOffset === 0, onclick: () => { state.weekOffset -= 1; guarded(renderWeek); } })),
      h("div", { class: "tiles" },
        tile("workouts", t("webapp-workouts"), String(w.totals.workouts), trend(w.trend.workouts)),
        tile("reps", t("webapp-reps"), String(w.totals.reps), trend(w.trend.reps)),
        w.totals.hold_s > 0 ? tile("hold", t("webapp-hold"), t("webapp-seconds", { value: one(w.totals.hold_s) })) : null),
      w.totals.workouts === 0 ? h("p", { class: "hint", id: "week-empty", text: t("webapp-empty-week") }) : null,
      w.goal ? card(t("webapp-goal"), h("div", { class: "progress" }, h("div", { id: "goal-bar" })),
        h("p", { id: "goal-text", text: t("webapp-goal-progress", { done: w.goal.done, target: w.goal.target }) })) : null,
      w.streak_weeks ? h("p", { id: "streak", class: "card", text: t("webapp-streak", { count: w.streak_weeks }) }) : null,
      card(t("webapp-per-day"), chart(w.charts.days)),
      card(t("webapp-grade-mix"), chart(w.charts.grades), h("ul", { class: "plain", id: "grade-mix" },
        ["perfect", "good", "bad", "none"].map((g) => h("li", { "data-grade": g },
          h("span", { class: `grade-${g}`, text: gradeName(g) }), h("span", { text: String(w.rep_grades[g] || 0) }))))),
      card(t("webapp-by-exercise"), chart(w.charts.exercises), h("ul", { class: "plain", id: "by-exercise" },
        w.by_exercise.map((e) => h("li", { "data-exercise": e.exercise },
          h("span", { text: exName(e.exercise) }), h("span", { text: t("webapp-reps-count", { count: e.reps }) }))))));
    if (w.goal) $("goal-bar").style.width = `${Math.min(1, w.goal.done / Math.max(1, w.goal.target)) * 100}%`;
  }

  // --- per exercise ------------------------------------------------------------------------------------
  async function renderExercise() {
    const page = $("page-exercise");
    const list = (await api("api/exercises")).exercises;
    if (!list.length) { page.replaceChildren(h("p", { class: "hint", text: t("webapp-no-exercises") })); return; }
    if (!list.includes(state.exercise)) { state.exercise = list[0]; state.session = null; }
    const query = `lang=${state.lang}` + (state.session ? `&session=${state.session}` : "");
    const x = await api(`api/exercise/${encodeURIComponent(state.exercise)}?${query}`);
    const picker = h("select", { id: "exercise-pick", "aria-label": t("webapp-pick-exercise"),
      onchange: (e) => { state.exercise = e.target.value; state.session = null; guarded(renderExercise); } },
      list.map((id) => h("option", { value: id, selected: id === state.exercise, text: exName(id) })));
    const latest = (c) => { for (let i = x.sessions.length - 1; i >= 0; i--) {
      const r = x.sessions[i].conditions.find((k) => k.condition === c);
      if (r && r.pass_rate != null) return r.pass_rate; } return null; };
    const conditions = x.conditions.map((c) => h("div", { class: "condition", "data-condition": c },
      h("div", { class: "row" }, h("span", { text: state.strings[`condition-${x.exercise}-${c}`] || c }),
        h("strong", { text: pct(latest(c)) })),
      x.charts[`condition:${c}`] ? chart(x.charts[`condition:${c}`]) : null));
    const chosen = x.sessions.find((s) => s.analysis_id === x.session);
    fill(page,
      h("div", { class: "row" }, h("label", { for: "exercise-pick", text: t("webapp-pick-exercise") }), picker),
      card(t("webapp-reps-over-time"), chart(x.charts.reps, { "data-chart-box": "reps" })),
      card(t("webapp-grade-over-time"), chart(x.charts.grade, { "data-chart-box": "grade" })),
      card(t("webapp-conditions"), conditions),
      card(t("webapp-rep-details"),
        h("div", { class: "row" }, h("label", { for: "session-pick", text: t("webapp-pick-session") }),
          h("select", { id: "session-pick", onchange: (e) => { state.session = +e.target.value; guarded(renderExercise); } },
            x.sessions.map((s) => h("option", { value: s.analysis_id, selected: s.analysis_id === x.session, text: when(s.created_at) })))),
        chosen && chosen.rep_details.length ? repDetails(chosen, x.charts) : h("p", { class: "hint", text: t("webapp-no-rep-details") })));
  }

  function repDetails(session, charts) {
    const head = ["webapp-rep", "webapp-grade", "webapp-rom", "webapp-down", "webapp-pause", "webapp-up", "webapp-lr-diff"];
    return [
      h("table", { id: "rep-table" }, h("thead", {}, h("tr", {}, head.map((k) => h("th", { text: t(k) })))),
        h("tbody", {}, session.rep_details.map((r) => h("tr", { "data-rep": r.index },
          [String(r.index), gradeName(r.grade), pct(r.rom_share), one(r.down_s), one(r.pause_s), one(r.up_s), one(r.lr_diff)]
            .map((v) => h("td", { text: v })))))),
      h("h3", { text: t("webapp-rom") }), chart(charts.rom),
      h("h3", { text: t("webapp-tempo") }), chart(charts.tempo),
      h("p", { class: "legend" }, ["down", "pause", "up"].map((k) => h("span", { class: `key ${k}`, text: t(`webapp-${k}`) }))),
      h("h3", { text: t("webapp-lr-diff") }), chart(charts.lr)];
  }

  // --- history -----------------------------------------------------------------------------------------
  async function renderHistory(more) {
    const page = $("page-history");
    const before = more ? `&before=${state.historyBefore}` : "";
    const body = await api(`api/history?limit=20${before}`);
    if (!more) page.replaceChildren(h("div", { id: "history-list" }));
    const listEl = $("history-list");
    for (const item of body.items) listEl.append(historyItem(item));
    if (!more && !body.items.length) listEl.append(h("p", { class: "hint", text: t("webapp-history-empty") }));
    state.historyBefore = body.next_before;
    const old = $("history-more");
    if (old) old.remove();
    if (body.next_before) {
      page.append(h("button", { type: "button", class: "primary", id: "history-more", text: t("webapp-load-more"),
        onclick: () => guarded(() => renderHistory(true)) }));
    }
  }

  function historyItem(item) {
    const amount = item.reps != null ? t("webapp-reps-count", { count: item.reps }) : t("webapp-seconds", { value: one(item.hold_s) });
    const thumbs = h("div", { class: "thumbs" });
    for (let i = 0; i < item.thumbnails; i++) {
      const img = h("img", { alt: t("webapp-photo-alt", { number: i + 1 }), "data-thumb": i });
      thumbs.append(img);
      api(`api/thumb/${item.analysis_id}/${i}.jpg`).then((blob) => { img.src = URL.createObjectURL(blob); }, () => img.remove());
    }
    return card(null,
      h("div", { class: "row" }, h("strong", { text: exName(item.exercise) }), h("span", { class: "hint", text: when(item.created_at) })),
      h("div", { class: "row" }, h("span", { class: "reps", text: amount }), h("span", { class: `grade-${item.grade}`, text: gradeName(item.grade) })),
      h("ul", { class: "plain" }, item.conditions.map((c) => h("li", { "data-condition": c.condition },
        h("span", { text: state.strings[`condition-${item.exercise}-${c.condition}`] || c.condition }),
        h("span", { text: `${t("webapp-passed")} ${c.passed} · ${t("webapp-failed")} ${c.failed}` })))),
      thumbs);
  }

  // --- settings ----------------------------------------------------------------------------------------
  function renderSettings() {
    const body = state.settings;
    const s = body.settings;
    const toggle = (id, key, checked, field, invert) => h("label", { class: "setting", for: id },
      h("span", { text: t(key) }), h("input", { type: "checkbox", id, checked,
        onchange: (e) => save({ [field]: invert ? !e.target.checked : e.target.checked }) }));
    $("page-settings").replaceChildren(card(null,
      h("label", { class: "setting", for: "set-language" }, h("span", { text: t("webapp-settings-language") }),
        h("select", { id: "set-language", onchange: (e) => save({ language: e.target.value }) },
          body.languages.map((l) => h("option", { value: l, selected: l === s.language, text: t(`webapp-language-${l}`) })))),
      toggle("set-voice", "webapp-settings-voice", s.voice_on, "voice_on", false),
      h("label", { class: "setting", for: "set-timezone" }, h("span", { text: t("webapp-settings-timezone") }),
        h("select", { id: "set-timezone", onchange: (e) => save({ timezone: e.target.value }) },
          body.timezones.map((z) => h("option", { value: z, selected: z === s.timezone, text: z })))),
      toggle("set-weekly", "webapp-settings-weekly", s.weekly_summary, "weekly_summary", false),
      toggle("set-no-photos", "webapp-settings-no-photos", !s.keep_photos, "keep_photos", true),
      h("p", { class: "hint", text: t("webapp-settings-no-photos-hint") })));
  }

  async function save(change) {
    try {
      state.settings = await api("api/settings", { method: "POST", body: JSON.stringify(change),
        headers: { "Content-Type": "application/json" } });
      if (state.settings.settings.language !== state.lang) {
        await loadStrings(state.settings.settings.language);
        state.loaded = {};
        await show("settings");
      } else renderSettings();
      status(t("webapp-saved"));
    } catch (e) {
      if (e instanceof AuthError) gate(e.message === "403" ? "webapp-not-allowed" : "webapp-auth-failed");
      else { status(t("webapp-save-failed")); renderSettings(); }
    }
  }

  // --- frame -------------------------------------------------------------------------------------------
  async function loadStrings(lang) {
    state.strings = (await api(`api/strings?lang=${lang}`)).strings;
    state.lang = lang;
    document.documentElement.lang = lang;
    document.title = t("webapp-title");
    for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  }

  const renderers = { week: renderWeek, exercise: renderExercise, history: () => renderHistory(false), settings: renderSettings };

  async function show(tab) {
    for (const b of document.querySelectorAll("[data-tab]")) b.setAttribute("aria-selected", String(b.dataset.tab === tab));
    for (const p of document.querySelectorAll(".page")) p.hidden = p.dataset.page !== tab;
    document.body.dataset.shown = tab;
    if (!state.loaded[tab]) {
      status(t("webapp-loading"));
      await guarded(async () => { await renderers[tab](); state.loaded[tab] = true; status(""); });
    }
  }

  const tg = telegram();

  // The bot's buttons open a page: ?tab=exercise&exercise=squat&session=12, ?tab=week&offset=1.
  function deepLink() {
    const q = new URLSearchParams(location.search);
    const tab = q.get("tab");
    if (/^[a-z0-9_]{1,40}$/.test(q.get("exercise") || "")) state.exercise = q.get("exercise");
    if (/^[0-9]{1,18}$/.test(q.get("session") || "")) state.session = +q.get("session");
    if (/^[0-9]{1,3}$/.test(q.get("offset") || "")) state.weekOffset = Math.min(520, +q.get("offset"));
    return ["week", "exercise", "history", "settings"].includes(tab) ? tab : "week";
  }

  async function start() {
    applyTheme(tg.theme, tg.scheme);
    tg.onTheme((params, scheme) => applyTheme(params, scheme));
    state.lang = pickLang((tg.user && tg.user.language_code) || navigator.language);
    document.documentElement.lang = state.lang;
    document.title = boot.strings[state.lang]["webapp-title"];
    if (!tg.initData) { gate("webapp-open-in-telegram"); return; }
    tg.ready();
    status(boot.strings[state.lang]["webapp-loading"]);
    await guarded(async () => {
      state.settings = await api("api/settings");
      await loadStrings(state.settings.settings.language);
      for (const b of document.querySelectorAll("[data-tab]")) b.addEventListener("click", () => show(b.dataset.tab));
      $("app").hidden = false;
      await show(deepLink());
      document.body.dataset.ready = "1";
    });
  }

  start();
})();
