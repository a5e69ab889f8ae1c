/**
 * What `rounds serve`, `rounds user` and `rounds share` print, in en and zh-CN (i18next resources;
 * the language follows LC_ALL / LC_MESSAGES / LANG, see `serverText`). Refusals from the server are
 * keyed by their `sync.server.*` message.
 */
const en = {
  store: {
    lockedByServer:
      'The server store {{dir}} is in use by the Rounds server running as pid {{pid}} ({{url}}). Only one process may open it: stop that server first (Ctrl-C where it runs, or kill {{pid}}), or start this one with another --data-dir. While it runs, `rounds user` and `rounds share` on this folder go through it.',
    locked:
      'The server store {{dir}} is in use by another Rounds process (pid {{pid}}). Only one process may open it: wait for that command to finish (a `rounds serve` that is starting takes `rounds user` and `rounds share` in a moment), or stop it (kill {{pid}}), then try again.',
    unreachable: 'The Rounds server using {{dir}} (pid {{pid}}) did not answer at {{url}}: {{reason}}. Check that it is running, or stop it (kill {{pid}}) and try again.',
    dataDir: 'Cannot create the data folder {{dir}}: {{reason}}',
  },
  serve: {
    badPort: '--port must be a port number (got "{{value}}").',
    badTombstoneDays: 'ROUNDS_TOMBSTONE_DAYS must be a positive number of days (got "{{value}}").',
    badSignInPerAddress: 'ROUNDS_SIGNIN_PER_ADDRESS must be a positive whole number of sign-ins a minute (got "{{value}}").',
    badTrustProxy: '--trust-proxy must list the reverse proxies, separated by commas, as addresses (10.0.0.5), ranges (10.0.0.0/8) or loopback (got "{{value}}").',
    unreadableCert: 'Cannot read the TLS certificate {{file}}: {{reason}}',
    unreadableKey: 'Cannot read the TLS private key {{file}}: {{reason}}',
    tlsPair: '--tls-cert FILE and --tls-key FILE go together: give both for HTTPS, or neither.',
    badTls: '{{cert}} and {{key}} are not a PEM certificate and its private key: {{reason}}',
    listening: 'Rounds sync server listening on {{url}} ({{store}})',
    postgres: 'PostgreSQL',
    pglite: 'PGlite in {{dir}}',
    startFailed: 'The sync server could not start: {{reason}}',
    databaseNewer: 'The server store was written by a newer version of Rounds; update Rounds to serve it.',
  },
  user: {
    passwordPrompt: 'Password: ',
    added: 'Added {{role}} {{username}} to team {{team}}.',
    disabled: 'Disabled {{username}} and signed out all their devices.',
    passwordReset: 'New password set for {{username}}; their devices must sign in again.',
    passwordTooShort: 'The password must have at least {{min}} characters.',
    passwordTooLong: 'The password may have at most {{max}} characters.',
    passwordTooCommon: 'That password is too easy to guess (a common word, a run like 123456 or qwerty, or one character repeated). Choose another, e.g. a few unrelated words.',
    noUsers: 'No users yet. Add one with `rounds user add`.',
    disabledMark: '(disabled)',
    noDevices: '{{username}} has not signed in on any device.',
    deviceHeader: { id: 'id', name: 'name', created: 'created', lastSeen: 'last seen', revoked: 'revoked' },
    revoked: 'Revoked device {{deviceId}}: it cannot sync, nor sign in again, until restored (rounds user restore-device).',
    restored: 'Restored device {{deviceId}}: it may sign in again with the password.',
    needsAction: 'user needs one of: {{actions}}.',
    listTakesNothing: 'user list takes no USERNAME.',
    oneArgument: 'user {{action}} takes exactly one {{name}}.',
    badRole: '--role must be one of {{roles}}.',
    teamRequired: '--team NAME is required.',
  },
  share: {
    shared: 'Shared {{account}} with {{username}}; it reaches them with their next sync.',
    unshared: '{{username}} no longer shares {{account}}.',
    noShares: 'No shared accounts.',
    usage: 'share needs: add ACCOUNT USERNAME, remove ACCOUNT USERNAME, or list.',
  },
  refused: {
    userExists: 'A user named {{argument}} already exists.',
    noSuchUser: 'No user named {{argument}}.',
    noSuchDevice: 'No device with id {{argument}}. See `rounds user devices USERNAME`.',
    noSuchAccount: 'No such account on the server; give its id or exact name.',
    ambiguousAccount: 'Several accounts have that name; give the id instead:',
    otherTeam: 'That account belongs to another team.',
    noSuchShare: 'That account is not shared with that user.',
    invalidRequest: 'The server refused the request as invalid: {{details}}',
    adminKeyRequired: 'The running server did not accept its admin key; restart `rounds serve` and try again.',
    other: 'The server refused: {{key}}',
  },
};

type Messages = typeof en;

const zhCN: Messages = {
  store: {
    lockedByServer:
      '服务器数据 {{dir}} 正被 Rounds 服务器（进程 {{pid}}，{{url}}）使用。同一时间只能有一个进程打开它：请先停止该服务器（在其终端按 Ctrl-C，或 kill {{pid}}），或用另一个 --data-dir 启动本服务器。服务器运行期间，对此文件夹执行的 `rounds user` 和 `rounds share` 会通过它完成。',
    locked:
      '服务器数据 {{dir}} 正被另一个 Rounds 进程（进程 {{pid}}）使用。同一时间只能有一个进程打开它：请等待该命令结束（正在启动的 `rounds serve` 片刻后即可接受 `rounds user` 和 `rounds share`），或停止它（kill {{pid}}），然后重试。',
    unreachable: '使用 {{dir}} 的 Rounds 服务器（进程 {{pid}}）在 {{url}} 没有响应：{{reason}}。请确认它在运行，或停止它（kill {{pid}}）后重试。',
    dataDir: '无法创建数据文件夹 {{dir}}：{{reason}}',
  },
  serve: {
    badPort: '--port 必须是端口号（收到“{{value}}”）。',
    badTombstoneDays: 'ROUNDS_TOMBSTONE_DAYS 必须是正的天数（收到“{{value}}”）。',
    badSignInPerAddress: 'ROUNDS_SIGNIN_PER_ADDRESS 必须是每分钟登录次数的正整数（收到“{{value}}”）。',
    badTrustProxy: '--trust-proxy 须列出反向代理，以逗号分隔，可写地址（10.0.0.5）、网段（10.0.0.0/8）或 loopback（收到“{{value}}”）。',
    unreadableCert: '无法读取 TLS 证书 {{file}}：{{reason}}',
    unreadableKey: '无法读取 TLS 私钥 {{file}}：{{reason}}',
    tlsPair: '--tls-cert FILE 与 --tls-key FILE 须同时使用：HTTPS 两者都给，否则都不给。',
    badTls: '{{cert}} 和 {{key}} 不是 PEM 证书及其私钥：{{reason}}',
    listening: 'Rounds 同步服务器已启动，监听 {{url}}（{{store}}）',
    postgres: 'PostgreSQL',
    pglite: 'PGlite，位于 {{dir}}',
    startFailed: '同步服务器无法启动：{{reason}}',
    databaseNewer: '服务器数据由更新版本的 Rounds 写入；请先更新 Rounds。',
  },
  user: {
    passwordPrompt: '密码：',
    added: '已添加 {{role}} 用户 {{username}} 到团队 {{team}}。',
    disabled: '已停用 {{username}}，其所有设备均已退出登录。',
    passwordReset: '已为 {{username}} 设置新密码；其设备须重新登录。',
    passwordTooShort: '密码至少需要 {{min}} 个字符。',
    passwordTooLong: '密码最多 {{max}} 个字符。',
    passwordTooCommon: '该密码太容易被猜到（常见单词、123456 或 qwerty 之类的连续字符，或同一字符重复）。请换一个，例如几个不相关的词。',
    noUsers: '还没有用户。请用 `rounds user add` 添加。',
    disabledMark: '（已停用）',
    noDevices: '{{username}} 尚未在任何设备上登录。',
    deviceHeader: { id: 'ID', name: '名称', created: '创建', lastSeen: '最近使用', revoked: '已撤销' },
    revoked: '已撤销设备 {{deviceId}}：在恢复之前（rounds user restore-device），它不能同步，也不能重新登录。',
    restored: '已恢复设备 {{deviceId}}：它可以用密码重新登录。',
    needsAction: 'user 需要以下之一：{{actions}}。',
    listTakesNothing: 'user list 不接受用户名。',
    oneArgument: 'user {{action}} 只接受一个 {{name}}。',
    badRole: '--role 必须是 {{roles}} 之一。',
    teamRequired: '需要 --team NAME。',
  },
  share: {
    shared: '已将 {{account}} 共享给 {{username}}；其下次同步时即可收到。',
    unshared: '{{username}} 不再共享 {{account}}。',
    noShares: '没有共享的客户。',
    usage: 'share 需要：add ACCOUNT USERNAME、remove ACCOUNT USERNAME 或 list。',
  },
  refused: {
    userExists: '已存在名为 {{argument}} 的用户。',
    noSuchUser: '找不到用户 {{argument}}。',
    noSuchDevice: '找不到 ID 为 {{argument}} 的设备。请查看 `rounds user devices USERNAME`。',
    noSuchAccount: '服务器上没有这个客户；请给出其 ID 或准确名称。',
    ambiguousAccount: '有多个客户同名，请改用 ID：',
    otherTeam: '该客户属于其他团队。',
    noSuchShare: '该客户未共享给该用户。',
    invalidRequest: '服务器认为请求无效：{{details}}',
    adminKeyRequired: '运行中的服务器不接受其管理密钥；请重启 `rounds serve` 后重试。',
    other: '服务器拒绝了请求：{{key}}',
  },
};

export const SERVER_CLI_MESSAGES = { en, 'zh-CN': zhCN };
