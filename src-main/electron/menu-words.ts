/**
 * The native menu's and the tray's words. They are drawn by the OS, outside the
 * renderer, so they cannot come from src-renderer/i18n; kept here in both
 * languages, keyed the same way, and checked for parity by a unit test.
 */
export const MENU_WORDS = {
  en: {
    file: 'File', newMessage: 'New Message', checkMail: 'Get Messages', workOffline: 'Work Offline', settings: 'Settings…', print: 'Print…', saveAs: 'Save As…', closeWindow: 'Close Window', quit: 'Quit Wren',
    edit: 'Edit', undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select All',
    addToDictionary: 'Add to Dictionary', noSuggestions: 'No Suggestions', copyLink: 'Copy Link Address',
    view: 'View', zoomIn: 'Zoom In', zoomOut: 'Zoom Out', resetZoom: 'Actual Size', fullScreen: 'Toggle Full Screen', devTools: 'Developer Tools', threads: 'Threads', ignoredThreads: 'Show / Hide Ignored Threads', find: 'Find in This Message…', bodyAsPlain: 'Message Body As Plain Text / HTML', layout: 'Layout', classicView: 'Classic View', wideView: 'Wide View', verticalView: 'Vertical View', messagePane: 'Message Pane',
    collapseAllThreads: 'Collapse All Threads', expandAllThreads: 'Expand All Threads',
    message: 'Message', reply: 'Reply', replyAll: 'Reply All', replyList: 'Reply to List', forward: 'Forward', forwardAttachment: 'Forward as Attachment', redirect: 'Redirect…',
    markRead: 'Mark as Read', markUnread: 'Mark as Unread', markThreadRead: 'Mark Thread as Read', ignoreThread: 'Ignore Thread', toggleFlag: 'Star / Unstar', archive: 'Archive', delete: 'Delete', junk: 'Mark as Junk',
    go: 'Go', next: 'Next Message', previous: 'Previous Message', nextUnread: 'Next Unread Message', previousUnread: 'Previous Unread Message', inbox: 'Inbox',
    tools: 'Tools', addressBook: 'Address Book',
    help: 'Help', shortcuts: 'Keyboard Shortcuts', about: 'About Wren',
    window: 'Window', minimize: 'Minimize', show: 'Show Wren', unread: '{count} unread',
  },
  zh: {
    file: '文件', newMessage: '新建邮件', checkMail: '收取邮件', workOffline: '脱机工作', settings: '设置…', print: '打印…', saveAs: '另存为…', closeWindow: '关闭窗口', quit: '退出 Wren',
    edit: '编辑', undo: '撤销', redo: '重做', cut: '剪切', copy: '复制', paste: '粘贴', selectAll: '全选',
    addToDictionary: '添加到词典', noSuggestions: '无拼写建议', copyLink: '复制链接地址',
    view: '查看', zoomIn: '放大', zoomOut: '缩小', resetZoom: '实际大小', fullScreen: '切换全屏', devTools: '开发者工具', threads: '按会话分组', ignoredThreads: '显示 / 隐藏已忽略的会话', find: '在此邮件中查找…', bodyAsPlain: '邮件正文以纯文本 / HTML 显示', layout: '布局', classicView: '经典视图', wideView: '宽视图', verticalView: '垂直视图', messagePane: '邮件窗格',
    collapseAllThreads: '折叠全部会话', expandAllThreads: '展开全部会话',
    message: '邮件', reply: '回复', replyAll: '全部回复', replyList: '回复列表', forward: '转发', forwardAttachment: '作为附件转发', redirect: '重定向…',
    markRead: '标记为已读', markUnread: '标记为未读', markThreadRead: '将会话标为已读', ignoreThread: '忽略此会话', toggleFlag: '加星标 / 取消星标', archive: '归档', delete: '删除', junk: '标记为垃圾邮件',
    go: '转到', next: '下一封', previous: '上一封', nextUnread: '下一封未读邮件', previousUnread: '上一封未读邮件', inbox: '收件箱',
    tools: '工具', addressBook: '通讯录',
    help: '帮助', shortcuts: '键盘快捷键', about: '关于 Wren',
    window: '窗口', minimize: '最小化', show: '显示 Wren', unread: '{count} 封未读',
  },
} as const;

export type MenuLanguage = keyof typeof MENU_WORDS;
export type MenuWord = keyof (typeof MENU_WORDS)['en'];

/** The app's language setting (null: the system's) to the menu's language. */
export function menuLanguage(setting: 'en' | 'zh' | null, systemLocale: string): MenuLanguage {
  return (setting ?? (systemLocale.toLowerCase().startsWith('zh') ? 'zh' : 'en')) === 'zh' ? 'zh' : 'en';
}
