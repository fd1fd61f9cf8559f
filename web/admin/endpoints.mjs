// The services' paths as the edge serves them (same origin), one place for the whole page.

const N = '/api/nominations/v1';
export const endpoints = {
  deadline: '/api/reports/v1/deadlines/next',
  // Every deadline with its occurrences (the registration's year is that of its next one).
  deadlines: '/api/reports/v1/deadlines',
  catalogue: `${N}/catalogue`,
  me: `${N}/me`,
  // "Trang của tôi": my nominations with their outcome, and my initiatives, in one call.
  myOverview: `${N}/me/overview`,
  signIn: `${N}/sessions`,
  signOut: `${N}/session`,
  staffSessions: (id) => `${N}/staff/${encodeURIComponent(id)}/sessions`,
  session: (id) => `${N}/sessions/${encodeURIComponent(id)}`,
  contributions: (year) => `/api/reports/v1/contributions/${encodeURIComponent(year)}`,
  statistics: (year) => `${N}/statistics${year ? `?${new URLSearchParams({ year })}` : ''}`,
  // One chart's workbook: chart is units, awards or years.
  statisticsXlsx: (year, chart) =>
    `${N}/statistics/${encodeURIComponent(year)}/xlsx?${new URLSearchParams({ chart })}`,
  submissionsXlsx: (year) => `/api/reports/v1/statistics/${encodeURIComponent(year)}/xlsx`,
  yearlyDocuments: (year) =>
    `/api/reports/v1/school-reports/${encodeURIComponent(year)}/documents`,
  documentFile: (file) => `/api/reports/v1/documents/${encodeURIComponent(file)}`,
  quotas: (period) => `${N}/quotas?${new URLSearchParams({ period })}`,
  nominations: (filter) => `${N}/nominations?${new URLSearchParams(filter)}`,
  create: `${N}/nominations`,
  nomination: (id) => `${N}/nominations/${encodeURIComponent(id)}`,
  // The detail with its history and dossier checklist, in one call.
  nominationFull: (id) => `${N}/nominations/${encodeURIComponent(id)}?view=full`,
  transitions: (id) => `${N}/nominations/${encodeURIComponent(id)}/transitions`,
  vote: (id) => `${N}/nominations/${encodeURIComponent(id)}/vote`,
  dossierItem: (id, item) =>
    `${N}/nominations/${encodeURIComponent(id)}/dossier/${encodeURIComponent(item)}`,
  meetings: `${N}/council/meetings`,
  meeting: (id) => `${N}/council/meetings/${encodeURIComponent(id)}`,
  // The biên bản of the council's meetings: those issued, and issuing one.
  minutes: `${N}/documents?${new URLSearchParams({ kind: 'bien-ban' })}`,
  issueMinutes: `${N}/documents/bien-ban`,
  initiatives: (filter) => `${N}/initiatives?${new URLSearchParams(filter)}`,
  initiative: (id) => `${N}/initiatives/${encodeURIComponent(id)}`,
  registrations: (year) => `${N}/registrations/${encodeURIComponent(year)}`,
  registration: (year, kind, id) =>
    `${N}/registrations/${encodeURIComponent(year)}/${encodeURIComponent(kind)}/${encodeURIComponent(id)}`,
  registrationConfirm: (year, kind, id) =>
    `${N}/registrations/${encodeURIComponent(year)}/${encodeURIComponent(kind)}/${encodeURIComponent(id)}/confirm`,
  rounds: `${N}/rounds`,
  // The rounds open or still to open, as the website shows them (the header's deadline).
  publicRounds: `${N}/public/rounds`,
  round: (id) => `${N}/rounds/${encodeURIComponent(id)}`,
  awardForm: (code) => `${N}/catalogue/award-forms/${encodeURIComponent(code)}`,
  period: (id) => `${N}/catalogue/periods/${encodeURIComponent(id)}`,
  deadLetters: '/api/notifications/v1/dead-letters?limit=20',
  deadLetter: (id) => `/api/notifications/v1/dead-letters/${encodeURIComponent(id)}`,
  messages: '/api/notifications/v1/messages',
  recentMessages: (limit) => `/api/notifications/v1/messages?${new URLSearchParams({ limit })}`,
  message: (id) => `/api/notifications/v1/messages/${encodeURIComponent(id)}`,
};
