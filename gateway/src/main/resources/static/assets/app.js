'use strict';
// The public credit query page: lists enterprises, shows one enterprise's standing.
(function () {
  const PAGE_SIZE = 20;
  const SEVERITY = { MINOR: '轻微', GENERAL: '一般', SERIOUS: '严重' };
  const state = { q: '', page: 0, total: 0 };
  const $ = (id) => document.getElementById(id);

  function text(value) {
    return value === null || value === undefined || value === '' ? '—' : String(value);
  }

  function date(value) {
    if (!value) return '—';
    const d = new Date(value);
    return isNaN(d) ? String(value) : d.toLocaleDateString('zh-CN');
  }

  function cell(row, value) {
    const td = document.createElement('td');
    td.textContent = text(value);
    row.appendChild(td);
    return td;
  }

  function showNotice(message) {
    const notice = $('notice');
    notice.textContent = message;
    notice.hidden = false;
  }

  function clearNotice() {
    $('notice').hidden = true;
    $('notice').textContent = '';
  }

  // Turns any failed answer into a readable sentence; a problem+json body gives its title and detail.
  async function failure(response) {
    let problem = null;
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) {
      try { problem = await response.json(); } catch (e) { problem = null; }
    }
    const lead = response.status === 503 ? '查询服务暂时不可用，请稍后再试。'
      : response.status === 404 ? '未找到该企业。'
      : '查询未能完成（状态 ' + response.status + '）。';
    if (problem && (problem.title || problem.detail)) {
      return lead + ' ' + [problem.title, problem.detail].filter(Boolean).join('：');
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
    return response.json();
  }

  async function search(q, page) {
    clearNotice();
    $('status').textContent = '正在加载……';
    const url = '/api/public/enterprises?q=' + encodeURIComponent(q) + '&page=' + page + '&size=' + PAGE_SIZE;
    try {
      const result = await getJson(url);
      state.q = q;
      state.page = result.page;
      state.total = result.total;
      renderList(result);
    } catch (e) {
      $('status').textContent = '';
      showNotice(e.message);
    }
  }

  function renderList(result) {
    const body = $('result-table').querySelector('tbody');
    body.replaceChildren();
    for (const item of result.items || []) {
      const row = document.createElement('tr');
      const nameCell = document.createElement('td');
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'link';
      open.textContent = text(item.name);
      open.setAttribute('aria-label', '查看 ' + text(item.name) + ' 的信用详情');
      open.addEventListener('click', () => showDetail(item.uscc));
      nameCell.appendChild(open);
      row.appendChild(nameCell);
      cell(row, item.uscc);
      cell(row, item.region);
      cell(row, item.grade);
      cell(row, item.score);
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
  }

  async function showDetail(uscc) {
    clearNotice();
    try {
      const e = await getJson('/api/public/enterprises/' + encodeURIComponent(uscc));
      const facts = $('detail-facts');
      facts.replaceChildren();
      const rows = [['企业名称', e.name], ['统一社会信用代码', e.uscc], ['行政区划', e.region], ['行业', e.industry],
        ['信用等级', e.grade], ['评分', e.score], ['评定时间', date(e.ratedAt)]];
      for (const [label, value] of rows) {
        const dt = document.createElement('dt');
        dt.textContent = label;
        const dd = document.createElement('dd');
        dd.textContent = text(value);
        facts.append(dt, dd);
      }
      const records = e.records || [];
      const body = $('records-table').querySelector('tbody');
      body.replaceChildren();
      for (const r of records) {
        const row = document.createElement('tr');
        cell(row, r.kind);
        cell(row, SEVERITY[r.severity] || r.severity);
        cell(row, date(r.occurredAt));
        cell(row, date(r.publishedUntil));
        cell(row, r.summary);
        body.appendChild(row);
      }
      $('records-table').hidden = records.length === 0;
      $('records-empty').hidden = records.length !== 0;
      $('detail').hidden = false;
      $('detail').focus();
    } catch (err) {
      showNotice(err.message);
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('search').addEventListener('submit', (event) => {
      event.preventDefault();
      $('detail').hidden = true;
      search($('q').value.trim(), 0);
    });
    $('prev').addEventListener('click', () => search(state.q, Math.max(0, state.page - 1)));
    $('next').addEventListener('click', () => search(state.q, state.page + 1));
    search('', 0);
  });
})();
