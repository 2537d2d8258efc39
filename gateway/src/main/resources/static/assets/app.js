'use strict';
// The public credit query page: search with suggestions, a paged list, one enterprise's standing.
// An enterprise's page is at #enterprise/<code>, so it can be bookmarked, shared and printed.
(function () {
  const PAGE_SIZE = 20;
  const SUGGEST_DELAY_MS = 200;
  const SEVERITY = { MINOR: '轻微', GENERAL: '一般', SERIOUS: '严重' };
  const KIND = {
    ADMINISTRATIVE_PENALTY: '行政处罚',
    ACCIDENT: '生产安全事故',
    ACCIDENT_CONCEALED: '瞒报、谎报事故',
    MAJOR_HAZARD_OVERDUE: '重大事故隐患逾期未整改',
    LICENCE_SUSPENDED: '安全生产许可证暂扣',
    LICENCE_REVOKED: '安全生产许可证吊销',
    LICENCE_MISSING: '未依法取得安全生产许可'
  };
  const GRADE = { A: 'A 级', B: 'B 级', C: 'C 级', D: 'D 级' };
  const INDUSTRY = {
    MINING: '矿山', HAZARDOUS_CHEMICALS: '危险化学品', FIREWORKS: '烟花爆竹', METALLURGY: '冶金',
    NONFERROUS: '有色金属', BUILDING_MATERIALS: '建材', MACHINERY: '机械', LIGHT_INDUSTRY: '轻工',
    TEXTILE: '纺织', TRADE: '商贸', CONSTRUCTION: '建筑施工', TRANSPORT: '交通运输', OTHER: '其他'
  };
  const state = { q: '', page: 0, total: 0, listShown: false };
  const suggest = { timer: null, items: [], active: -1, asked: '' };
  const $ = (id) => document.getElementById(id);

  function text(value) {
    return value === null || value === undefined || value === '' ? '—' : String(value);
  }

  function date(value) {
    if (!value) return '—';
    const d = new Date(value);
    return isNaN(d) ? String(value) : d.toLocaleDateString('zh-CN');
  }

  function dateTime(value) {
    const d = new Date(value);
    return isNaN(d) ? String(value) : d.toLocaleString('zh-CN', { hour12: false });
  }

  function element(tag, content, className) {
    const e = document.createElement(tag);
    if (content !== undefined) e.textContent = text(content);
    if (className) e.className = className;
    return e;
  }

  function cell(row, value) {
    const td = element('td', value);
    row.appendChild(td);
    return td;
  }

  function showNotice(message) {
    $('notice').textContent = message;
    $('notice').hidden = false;
  }

  function clearNotices() {
    for (const id of ['notice', 'stale']) {
      $(id).hidden = true;
      $(id).textContent = '';
    }
  }

  // The gateway answers from its last good copy while the credit service is down, and says when it was fresh.
  function showAsOf(asOf) {
    if (!asOf) return;
    $('stale').textContent = '信用查询服务暂时不可用，以下为 ' + dateTime(asOf) + ' 的数据，可能不是最新情况。';
    $('stale').hidden = false;
  }

  // Turns any failed answer into a readable sentence; a problem+json body gives its title and detail.
  async function failure(response) {
    let problem = null;
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) {
      try { problem = await response.json(); } catch (e) { problem = null; }
    }
    let lead;
    if (response.status === 429) {
      const wait = response.headers.get('Retry-After') || '几';
      lead = '查询过于频繁，请 ' + wait + ' 秒后再试。';
    } else if (response.status === 503) {
      lead = problem && problem.type && problem.type.endsWith('/search-index-building')
        ? '查询服务正在准备索引，请稍后再试。'
        : '信用查询服务暂时不可用，请稍后再试。';
    } else if (response.status === 404) {
      lead = '未找到该企业。';
    } else if (response.status === 400) {
      lead = '查询条件有误。';
    } else {
      lead = '查询未能完成（状态 ' + response.status + '）。';
    }
    if (problem && problem.detail && response.status !== 503) {
      return lead + ' ' + problem.detail;
    }
    return lead;
  }

  async function getJson(url) {
    let response;
    try {
      response = await fetch(url, { headers: { Accept: 'application/json' } });
    } catch (e) {
      throw new Error('无法连接到查询服务，请检查网络后重试。');
    }
    if (!response.ok) throw new Error(await failure(response));
    return { body: await response.json(), asOf: response.headers.get('X-Data-As-Of') };
  }

  // ---- the list ----

  async function search(q, page) {
    clearNotices();
    showList();
    $('status').textContent = '正在加载……';
    const url = '/api/public/enterprises?q=' + encodeURIComponent(q) + '&page=' + page + '&size=' + PAGE_SIZE;
    try {
      const answer = await getJson(url);
      showAsOf(answer.asOf);
      state.q = q;
      state.page = answer.body.page;
      state.total = answer.body.total;
      renderList(answer.body);
    } catch (e) {
      $('status').textContent = '';
      $('result-table').hidden = true;
      $('pager').hidden = true;
      showNotice(e.message);
    }
  }

  function renderList(result) {
    const body = $('result-table').querySelector('tbody');
    body.replaceChildren();
    for (const item of result.items || []) {
      const row = document.createElement('tr');
      const nameCell = document.createElement('td');
      const open = element('a', item.name);
      open.href = '#enterprise/' + encodeURIComponent(item.uscc);
      open.setAttribute('aria-label', '查看 ' + text(item.name) + ' 的信用详情');
      nameCell.appendChild(open);
      row.appendChild(nameCell);
      cell(row, item.uscc);
      cell(row, item.region);
      cell(row, GRADE[item.grade] || (item.grade ? item.grade : '尚未评定'));
      cell(row, item.scoreBand);
      body.appendChild(row);
    }
    const count = (result.items || []).length;
    $('result-table').hidden = count === 0;
    const pages = Math.max(1, Math.ceil(result.total / result.size));
    $('status').textContent = count === 0 ? '没有找到符合条件的企业。' : '共 ' + result.total + ' 家企业。';
    $('pager').hidden = result.total <= result.size;
    $('page-info').textContent = '第 ' + (result.page + 1) + ' / ' + pages + ' 页';
    $('prev').disabled = result.page <= 0;
    $('next').disabled = result.page + 1 >= pages;
    state.listShown = true;
  }

  function showList() {
    $('detail').hidden = true;
    $('results').hidden = false;
  }

  // ---- suggestions while typing (ARIA combobox with a listbox) ----

  function closeSuggestions() {
    suggest.items = [];
    suggest.active = -1;
    $('suggestions').hidden = true;
    $('suggestions').replaceChildren();
    $('q').setAttribute('aria-expanded', 'false');
    $('q').removeAttribute('aria-activedescendant');
  }

  async function askSuggestions(q) {
    suggest.asked = q;
    let answer;
    try {
      answer = await getJson('/api/public/enterprises/suggestions?limit=8&q=' + encodeURIComponent(q));
    } catch (e) {
      closeSuggestions(); // suggestions are a help, not worth an error message
      return;
    }
    if (q !== $('q').value.trim()) return; // typed on meanwhile
    renderSuggestions(answer.body);
  }

  function renderSuggestions(items) {
    const list = $('suggestions');
    list.replaceChildren();
    suggest.items = items;
    suggest.active = -1;
    items.forEach((item, i) => {
      const option = element('li');
      option.id = 'suggestion-' + i;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.append(element('span', item.name, 'suggestion-name'), element('span', item.uscc, 'suggestion-code'));
      option.addEventListener('mousedown', (event) => {
        event.preventDefault(); // keep the focus in the input
        choose(i);
      });
      list.appendChild(option);
    });
    list.hidden = items.length === 0;
    $('q').setAttribute('aria-expanded', items.length === 0 ? 'false' : 'true');
  }

  function highlight(index) {
    const options = $('suggestions').querySelectorAll('[role="option"]');
    options.forEach((o, i) => o.setAttribute('aria-selected', i === index ? 'true' : 'false'));
    suggest.active = index;
    if (index >= 0) {
      $('q').setAttribute('aria-activedescendant', options[index].id);
      options[index].scrollIntoView({ block: 'nearest' });
    } else {
      $('q').removeAttribute('aria-activedescendant');
    }
  }

  function choose(index) {
    const item = suggest.items[index];
    closeSuggestions();
    $('q').value = item.name;
    location.hash = 'enterprise/' + encodeURIComponent(item.uscc);
  }

  function onType() {
    clearTimeout(suggest.timer);
    const q = $('q').value.trim();
    if (q === '') {
      closeSuggestions();
      return;
    }
    suggest.timer = setTimeout(() => askSuggestions(q), SUGGEST_DELAY_MS);
  }

  function onKey(event) {
    const open = !$('suggestions').hidden && suggest.items.length > 0;
    if (event.key === 'ArrowDown' && open) {
      event.preventDefault();
      highlight((suggest.active + 1) % suggest.items.length);
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      highlight(suggest.active <= 0 ? suggest.items.length - 1 : suggest.active - 1);
    } else if (event.key === 'Enter' && open && suggest.active >= 0) {
      event.preventDefault();
      choose(suggest.active);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      closeSuggestions();
    }
  }

  // ---- one enterprise ----

  async function showDetail(uscc) {
    clearNotices();
    closeSuggestions();
    let answer;
    try {
      answer = await getJson('/api/public/enterprises/' + encodeURIComponent(uscc));
    } catch (err) {
      showNotice(err.message);
      return;
    }
    showAsOf(answer.asOf);
    const e = answer.body;
    document.title = e.name + ' — 安全生产信用查询';
    $('detail-heading').textContent = e.name;
    facts(e);
    listStatus(e.listStatus || { listed: false, entries: [], measures: [] });
    records(e.records || []);
    $('printed-at').textContent = '查询时间：' + dateTime(new Date().toISOString())
      + (answer.asOf ? '（数据截至 ' + dateTime(answer.asOf) + '）' : '');
    $('results').hidden = true;
    $('detail').hidden = false;
    $('detail').focus();
  }

  function facts(e) {
    const list = $('detail-facts');
    list.replaceChildren();
    const rows = [['统一社会信用代码', e.uscc], ['行政区划', e.region], ['行业', INDUSTRY[e.industry] || e.industry],
      ['信用等级', GRADE[e.grade] || e.grade], ['评分区间', e.scoreBand], ['评定时间', date(e.ratedAt)]];
    for (const [label, value] of rows) {
      const dd = element('dd', value);
      if (label === '信用等级') dd.className = 'grade grade-' + text(e.grade);
      list.append(element('dt', label), dd);
    }
  }

  function listStatus(status) {
    const line = $('list-status');
    line.className = 'list-status ' + (status.listed ? 'listed' : 'not-listed');
    line.textContent = status.listed ? '该企业已列入严重失信主体名单，正在接受联合惩戒。' : '该企业未列入严重失信主体名单。';
    const entries = $('list-entries');
    entries.replaceChildren();
    for (const entry of status.entries || []) {
      entries.appendChild(entryBlock(entry));
    }
    const measures = $('measures');
    measures.replaceChildren();
    for (const department of status.measures || []) {
      const block = element('div', undefined, 'department');
      block.appendChild(element('h5', department.name));
      const items = element('ul');
      for (const m of department.measures || []) items.appendChild(element('li', m.description));
      block.appendChild(items);
      measures.appendChild(block);
    }
    $('list-measures').hidden = !status.listed || (status.measures || []).length === 0;
  }

  function entryBlock(entry) {
    const block = element('div', undefined, 'entry');
    const facts = element('dl');
    const rows = [['列入单位', entry.unitName], ['列入事由', entry.reason], ['法律依据', entry.legalBasis],
      ['认定部门', entry.decidingAuthority], ['列入日期', date(entry.startDate)], ['移出日期（届满）', date(entry.endDate)],
      ['公示时间', date(entry.publishedAt)], ['可申请信用修复日期', date(entry.repairEligibleFrom)]];
    for (const [label, value] of rows) facts.append(element('dt', label), element('dd', value));
    block.appendChild(facts);
    const persons = entry.persons || [];
    if (persons.length > 0) {
      const table = element('table');
      table.appendChild(element('caption', '列入名单的责任人员'));
      const head = element('thead');
      const headRow = element('tr');
      for (const h of ['姓名', '职务', '身份证号码（已脱敏）']) {
        const th = element('th', h);
        th.scope = 'col';
        headRow.appendChild(th);
      }
      head.appendChild(headRow);
      const body = element('tbody');
      for (const p of persons) {
        const row = element('tr');
        cell(row, p.name);
        cell(row, p.role);
        cell(row, p.maskedIdNumber).className = 'id-number';
        body.appendChild(row);
      }
      table.append(head, body);
      block.appendChild(table);
    }
    return block;
  }

  function records(list) {
    const body = $('records-table').querySelector('tbody');
    body.replaceChildren();
    for (const r of list) {
      const row = element('tr');
      cell(row, KIND[r.kind] || r.kind);
      cell(row, SEVERITY[r.severity] || r.severity);
      cell(row, date(r.occurredAt));
      cell(row, date(r.publishedUntil));
      cell(row, r.summary);
      body.appendChild(row);
    }
    $('records-table').hidden = list.length === 0;
    $('records-empty').hidden = list.length !== 0;
  }

  // ---- navigation ----

  function route() {
    const match = /^#enterprise\/(.+)$/.exec(location.hash);
    if (match) {
      showDetail(decodeURIComponent(match[1]));
    } else if (state.listShown) {
      clearNotices();
      showList();
      $('results').focus();
    } else {
      search('', 0);
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('search').addEventListener('submit', (event) => {
      event.preventDefault();
      closeSuggestions();
      if (location.hash) history.pushState(null, '', location.pathname);
      search($('q').value.trim(), 0);
    });
    $('q').addEventListener('input', onType);
    $('q').addEventListener('keydown', onKey);
    $('q').addEventListener('blur', () => setTimeout(closeSuggestions, 150));
    $('prev').addEventListener('click', () => search(state.q, Math.max(0, state.page - 1)));
    $('next').addEventListener('click', () => search(state.q, state.page + 1));
    $('back').addEventListener('click', () => { location.hash = ''; });
    $('print').addEventListener('click', () => window.print());
    window.addEventListener('hashchange', route);
    route();
  });
})();
