#include "theme.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QRegularExpression>
#include <QStyle>
#include <QStyleFactory>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {
Theme::Scheme g_current = Theme::Scheme::Light;
int g_textPercent = 100;

// Every "font-size: 15px" at the user's text size.
QString scaleFontSizes(const QString &sheet, int textPercent)
{
    if (textPercent == 100)
        return sheet;
    static const QRegularExpression fontSize(uR"(font-size:\s*(\d+)px)"_s);
    QString scaled;
    qsizetype copied = 0;
    for (auto match = fontSize.globalMatch(sheet); match.hasNext();) {
        const QRegularExpressionMatch found = match.next();
        scaled += QStringView(sheet).mid(copied, found.capturedStart(1) - copied);
        scaled += QString::number(qRound(found.captured(1).toInt() * textPercent / 100.0));
        copied = found.capturedEnd(1);
    }
    scaled += QStringView(sheet).mid(copied);
    return scaled;
}
} // namespace

Theme::Colors Theme::colors(Scheme scheme)
{
    if (scheme == Scheme::Dark) {
        return {QColor(0x15, 0x17, 0x1c), QColor(0x1f, 0x22, 0x29), QColor(0x19, 0x1b, 0x21),
                QColor(0xe7, 0xe9, 0xed), QColor(0x9a, 0xa1, 0xad), QColor(0x34, 0x38, 0x42),
                // Dark text on the light blue of the dark theme's buttons: white on it is 3.4:1,
                // below WCAG AA; this is 5.6:1 (test_theme_contrast).
                QColor(0x5b, 0x84, 0xff), QColor(0x74, 0x97, 0xff), QColor(0x0b, 0x10, 0x20),
                QColor(0xfd, 0xa2, 0x9b), QColor(0x3a, 0x1f, 0x1d), QColor(0x6b, 0x2c, 0x27),
                QColor(0xfd, 0xd6, 0x8a), QColor(0x3a, 0x2e, 0x12), QColor(0x10, 0x13, 0x1a),
                QColor(0xc9, 0xcf, 0xdb), QColor(0x2a, 0x33, 0x4d), QColor(0x36, 0x2d, 0x17),
                QColor(0xf0, 0xa0, 0x20),
                // The strength meter's levels, brighter on dark to stay 3:1 on the surface.
                QColor(0xf9, 0x70, 0x66), QColor(0xfd, 0xb0, 0x22), QColor(0x32, 0xd5, 0x83)};
    }
    return {QColor(0xf3, 0xf4, 0xf7), QColor(0xff, 0xff, 0xff), QColor(0xf7, 0xf8, 0xfa),
            QColor(0x1d, 0x23, 0x2f), QColor(0x66, 0x70, 0x85), QColor(0xd9, 0xdd, 0xe5),
            QColor(0x34, 0x5c, 0xe8), QColor(0x2b, 0x4e, 0xcc), QColor(0xff, 0xff, 0xff),
            QColor(0xb4, 0x23, 0x18), QColor(0xfe, 0xf3, 0xf2), QColor(0xfe, 0xcd, 0xca),
            QColor(0x93, 0x37, 0x0d), QColor(0xff, 0xf6, 0xe0), QColor(0x1c, 0x24, 0x3b),
            QColor(0xc9, 0xd1, 0xe3), QColor(0xe6, 0xec, 0xff), QColor(0xff, 0xf4, 0xd6),
            // The mention bar is a UI part: 3:1 against white takes a deeper amber than dark's.
            QColor(0xb8, 0x6e, 0x00), QColor(0xd9, 0x2d, 0x20), QColor(0xc4, 0x5a, 0x00),
            QColor(0x03, 0x87, 0x4c)};
}

QString Theme::styleSheet(Scheme scheme, int textPercent)
{
    const Colors c = colors(scheme);
    const auto n = [](const QColor &color) { return color.name(); };
    QString sheet = uR"(
QWidget#LoginWindow, QWidget#MainArea { background: @window; }
QFrame#LoginCard { background: @surface; border: 1px solid @border; border-radius: 16px; }
QFrame#MentionPicker { background: @surface; border: 1px solid @border; border-radius: 8px; }
QFrame#MentionPicker QListWidget { background: transparent; border: none; }
QFrame#ImageViewerBar { background: @surface; border-bottom: 1px solid @border; }
QLabel#ImageViewerName { font-weight: 600; }
QLabel#ImageViewerStatus { color: #ffffff; padding: 16px; }
QLabel { color: @text; }
QLabel[role="title"] { font-size: 22px; font-weight: 700; }
QLabel[role="heading"] { font-size: 17px; font-weight: 700; }
QLabel[role="subtitle"], QLabel[role="muted"] { color: @muted; }
QLabel[role="fieldLabel"] { font-weight: 600; }
QLabel[role="wordmark"] { font-size: 26px; font-weight: 800; color: @text; }
QLabel[role="caption"] { color: @muted; font-size: 12px; }
QLabel[role="accountName"] { font-weight: 600; }
QLabel[role="step"] { color: @text; font-size: 13px; }
QLabel[role="stepNumber"] {
  background: @sunken; color: @primary; border: 1px solid @border; border-radius: 11px;
  font-size: 12px; font-weight: 700;
}
QLabel[role="checkCode"] { font-size: 56px; font-weight: 800; color: @primary; }
QFrame[role="qrPanel"] { background: @sunken; border: 1px solid @border; border-radius: 12px; }
QLineEdit {
  background: @surface; color: @text; border: 1px solid @border; border-radius: 8px;
  padding: 9px 12px; selection-background-color: @primary;
}
QLineEdit:focus { border: 2px solid @primary; padding: 8px 11px; }
QLineEdit[invalid="true"] { border: 2px solid @danger; padding: 8px 11px; }
QLineEdit:disabled, QComboBox:disabled { background: @sunken; color: @muted; }
QCheckBox, QRadioButton {
  color: @text; spacing: 8px; border: 2px solid transparent; border-radius: 6px;
  padding: 1px 4px 1px 2px;
}
QCheckBox:focus, QRadioButton:focus { border-color: @primary; }
QCheckBox:disabled, QRadioButton:disabled { color: @muted; }
QCheckBox::indicator, QRadioButton::indicator {
  width: 14px; height: 14px; border: 1px solid @muted; background: @surface;
}
QCheckBox::indicator { border-radius: 4px; }
QRadioButton::indicator { border-radius: 8px; }
QCheckBox::indicator:checked {
  background: @primary; border-color: @primary; image: url(:/moim/icons/check.svg);
}
QRadioButton::indicator:checked { width: 6px; height: 6px; border: 5px solid @primary; }
QCheckBox::indicator:focus, QRadioButton::indicator:focus { border-color: @primary; }
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {
  background: @sunken; border-color: @border;
}
QScrollBar:vertical { background: transparent; width: 10px; margin: 0; }
QScrollBar:horizontal { background: transparent; height: 10px; margin: 0; }
QScrollBar::handle { background: @border; border-radius: 3px; margin: 2px; }
QScrollBar::handle:vertical { min-height: 32px; }
QScrollBar::handle:horizontal { min-width: 32px; }
QScrollBar::handle:hover { background: @muted; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; border: none; }
QScrollBar::add-page, QScrollBar::sub-page { background: transparent; }
QPushButton[role="primary"] {
  background: @primary; color: @primaryText; border: none; border-radius: 8px;
  padding: 11px 16px; font-weight: 700;
}
QPushButton[role="primary"]:hover { background: @primaryHover; }
QPushButton[role="primary"]:focus { border: 2px solid @text; }
QPushButton[role="primary"]:disabled { background: @border; color: @muted; }
QPushButton[role="secondary"] {
  background: @surface; color: @text; border: 1px solid @border; border-radius: 8px;
  padding: 9px 14px; font-weight: 600;
}
QPushButton[role="secondary"]:hover { background: @sunken; }
QPushButton[role="secondary"]:focus { border: 2px solid @primary; }
QPushButton[role="link"] {
  background: transparent; color: @primary; border: 2px solid transparent; border-radius: 6px;
  padding: 2px 4px; font-weight: 600;
}
QPushButton[role="link"]:hover { text-decoration: underline; }
QPushButton[role="link"]:focus { border-color: @primary; }
QFrame[role="errorBox"] {
  background: @dangerSurface; border: 1px solid @dangerBorder; border-radius: 8px;
}
QFrame[role="errorBox"] QLabel { color: @danger; }
QFrame[role="infoBox"] {
  background: @selection; border: 1px solid @border; border-radius: 8px;
}
QFrame[role="infoBox"] QLabel { color: @text; }
QProgressBar[role="strength"] { background: @border; border: none; border-radius: 3px; }
QProgressBar[role="strength"]::chunk { border-radius: 3px; background: @border; }
QProgressBar[role="strength"][level="weak"]::chunk { background: @meterWeak; }
QProgressBar[role="strength"][level="fair"]::chunk { background: @meterFair; }
QProgressBar[role="strength"][level="strong"]::chunk { background: @meterStrong; }
QLineEdit[role="code"] { font-size: 22px; font-weight: 600; letter-spacing: 4px; }
QLabel[role="secret"], QPlainTextEdit[role="codes"] {
  font-family: "DejaVu Sans Mono", monospace; font-size: 15px; color: @text;
  background: @sunken; border: 1px solid @border; border-radius: 8px; padding: 8px 12px;
}
QLabel[role="qr"] { background: #ffffff; border: 1px solid @border; border-radius: 12px; }
QDialog#MyAccountPage { background: @surface; }
QDialog#MyAccountPage QTabWidget::pane {
  border: 1px solid @border; border-radius: 10px; background: @surface; top: -1px;
}
QDialog#MyAccountPage QTabBar::tab {
  background: transparent; color: @muted; border: none; border-bottom: 2px solid transparent;
  padding: 8px 14px; font-weight: 600;
}
QDialog#MyAccountPage QTabBar::tab:selected { color: @text; border-bottom: 2px solid @primary; }
QTabBar::tab:focus { border: 2px solid @primary; border-radius: 6px; }
QDialog#MyAccountPage QTabBar::tab:selected:focus { border: 2px solid @primary; border-radius: 6px; }
QDialog#MyAccountPage QListWidget {
  background: @surface; border: 1px solid @border; border-radius: 8px; padding: 4px; color: @text;
}
QListWidget { outline: none; }
QListWidget::item { border: 2px solid transparent; border-radius: 6px; padding: 3px 4px; }
QListWidget::item:selected { background: @selection; color: @text; }
QListWidget::item:focus { border-color: @primary; }
QDialog#MyAccountPage QListWidget::item { padding: 8px 6px; }
QDialog#PreferencesDialog { background: @surface; }
QFrame[role="section"] { background: @sunken; border: 1px solid @border; border-radius: 10px; }
QFrame[role="section"] QLabel[role="heading"] { font-size: 15px; }
QComboBox {
  background: @surface; color: @text; border: 1px solid @border; border-radius: 8px;
  padding: 8px 12px;
}
QComboBox:focus { border: 2px solid @primary; padding: 7px 11px; }
QComboBox::drop-down { border: none; width: 28px; }
QComboBox::down-arrow { image: url(:/moim/icons/chevron-down.svg); width: 12px; height: 12px; }
QComboBox QAbstractItemView {
  background: @surface; color: @text; selection-background-color: @selection;
  selection-color: @text; border: 1px solid @border;
}
QSplitter#MainSplitter::handle { background: @border; }
QDialog#NotificationSettingsPage { background: @surface; }
QLabel[role="sectionTitle"] { font-size: 14px; font-weight: 700; }
QLabel[role="iconTile"] { background: @selection; border-radius: 10px; }
QFrame[role="divider"] { background: @border; border: none; }
QTimeEdit {
  background: @surface; color: @text; border: 1px solid @border; border-radius: 8px;
  padding: 6px 8px;
}
QTimeEdit:focus { border: 2px solid @primary; padding: 5px 7px; }
QTimeEdit:disabled { color: @muted; background: @sunken; }
QPushButton[role="dayToggle"] {
  background: @surface; color: @text; border: 1px solid @border; border-radius: 8px;
  font-weight: 600;
}
QPushButton[role="dayToggle"]:hover { background: @sunken; }
QPushButton[role="dayToggle"]:checked { background: @primary; color: @primaryText; border-color: @primary; }
QPushButton[role="dayToggle"]:focus { border: 2px solid @text; }
QPushButton[role="dayToggle"]:disabled { background: @sunken; color: @muted; border-color: @border; }
QFrame[role="banner"] { background: @warningSurface; border-bottom: 1px solid @border; }
QFrame[role="banner"] QLabel { color: @warning; }
QWidget#Sidebar { background: @sidebar; }
QWidget#ConversationPane { background: @sunken; }
QWidget#ConversationPane QLabel[role="heading"] { font-size: 16px; }
QListView#ConversationList { background: transparent; border: none; outline: none; }
QListView#ConversationList::item { padding: 6px 10px; border-radius: 6px; color: @text; }
QListView#ConversationList::item:selected { background: @selection; color: @text; }
QListView#ConversationList::item:hover:!selected { background: @window; }
QWidget#ContentPane { background: @surface; }
QToolButton#AccountButton { border: none; background: transparent; }
QMenuBar { background: @surface; color: @text; }
QFrame#QuickSwitcherCard { background: @surface; border: 1px solid @border; border-radius: 12px; }
QLineEdit#QuickSwitcherField { font-size: 15px; }
QListView#QuickSwitcherList { background: transparent; border: none; outline: none; }
QListView#SearchResults { background: transparent; border: none; outline: none; }
QLabel[role="searchScope"] {
  background: @selection; color: @text; border-radius: 10px; padding: 3px 10px; font-weight: 600;
}
QLabel[role="searchError"] { color: @danger; }
QWidget#EmojiPickerCard { background: @surface; border: 1px solid @border; border-radius: 12px; }
QTableView#EmojiGrid {
  background: transparent; border: none; outline: none; selection-background-color: @selection;
  selection-color: @text;
}
QTableView#EmojiGrid::item { border-radius: 8px; padding: 0; }
QTableView#EmojiGrid::item:hover { background: @sunken; }
QTableView#EmojiGrid::item:selected { background: @selection; }
QTableView#EmojiGrid::item:disabled { background: transparent; }
QFrame#ComposerContextBar { background: @sunken; border: 1px solid @border; border-radius: 8px; }
QLabel#ComposerContextAccent { background: @primary; border-radius: 1px; }
QLabel#ComposerContextTitle { color: @primary; font-weight: 600; }
QToolButton#ComposerContextClose {
  border: none; border-radius: 14px; color: @muted; font-size: 14px; background: transparent;
}
QToolButton#ComposerContextClose:hover { background: @border; color: @text; }
QToolButton#ComposerContextClose:focus { border: 2px solid @primary; }
QLabel#TypingLine { color: @muted; font-size: 12px; }
QToolButton#AttachmentChipRemove {
  border: none; border-radius: 12px; color: @muted; font-size: 12px; background: transparent;
}
QToolButton#AttachmentChipRemove:hover { background: @sunken; color: @text; }
QToolButton#AttachmentChipRemove:focus { border: 2px solid @primary; }
QToolButton#AttachButton, QToolButton#WorkspaceSettingsButton {
  border: none; border-radius: 8px; background: transparent; padding: 4px;
}
QToolButton#AttachButton:hover, QToolButton#WorkspaceSettingsButton:hover { background: @sunken; }
QToolButton#AttachButton:focus, QToolButton#WorkspaceSettingsButton:focus {
  border: 2px solid @primary;
}
)"_s;
    const QList<QPair<QString, QString>> tokens{
        {u"@window"_s, n(c.window)},
        {u"@surface"_s, n(c.surface)},
        {u"@sunken"_s, n(c.sunken)},
        {u"@text"_s, n(c.text)},
        {u"@muted"_s, n(c.mutedText)},
        {u"@border"_s, n(c.border)},
        {u"@primaryHover"_s, n(c.primaryHover)},
        {u"@primaryText"_s, n(c.primaryText)},
        {u"@primary"_s, n(c.primary)},
        {u"@dangerSurface"_s, n(c.dangerSurface)},
        {u"@dangerBorder"_s, n(c.dangerBorder)},
        {u"@danger"_s, n(c.danger)},
        {u"@warningSurface"_s, n(c.warningSurface)},
        {u"@warning"_s, n(c.warning)},
        {u"@sidebar"_s, n(c.sidebar)},
        {u"@selection"_s, n(c.selection)},
        {u"@meterWeak"_s, n(c.meterWeak)},
        {u"@meterFair"_s, n(c.meterFair)},
        {u"@meterStrong"_s, n(c.meterStrong)},
    };
    // Longer names first in the list above, so "@primaryText" is not cut by "@primary".
    for (const auto &[token, value] : tokens)
        sheet.replace(token, value);
    return scaleFontSizes(sheet, textPercent);
}

void Theme::apply(QApplication &app, Scheme scheme, int textPercent)
{
    g_current = scheme;
    // The platform's font, as the application started with it, is the 100 % size.
    static const QFont normalFont = QApplication::font();
    const bool resize = textPercent != g_textPercent || QApplication::font() != normalFont;
    // Before the font changes: widgets that size themselves on FontChange read the new size.
    g_textPercent = textPercent;
    if (resize) {
        QFont font = normalFont;
        if (normalFont.pointSizeF() > 0)
            font.setPointSizeF(normalFont.pointSizeF() * textPercent / 100.0);
        else
            font.setPixelSize(qRound(normalFont.pixelSize() * textPercent / 100.0));
        QApplication::setFont(font);
    }
    // Fusion draws the same everywhere, so the style sheet meets a known base.
    if (app.style()->name() != "fusion"_L1)
        app.setStyle(QStyleFactory::create(u"Fusion"_s));
    const Colors c = colors(scheme);
    QPalette palette;
    palette.setColor(QPalette::Window, c.window);
    palette.setColor(QPalette::Base, c.surface);
    palette.setColor(QPalette::AlternateBase, c.sunken);
    palette.setColor(QPalette::WindowText, c.text);
    palette.setColor(QPalette::Text, c.text);
    palette.setColor(QPalette::ButtonText, c.text);
    palette.setColor(QPalette::Button, c.surface);
    palette.setColor(QPalette::Highlight, c.primary);
    palette.setColor(QPalette::HighlightedText, c.primaryText);
    palette.setColor(QPalette::PlaceholderText, c.mutedText);
    palette.setColor(QPalette::ToolTipBase, c.surface);
    palette.setColor(QPalette::ToolTipText, c.text);
    palette.setColor(QPalette::Link, c.primary);
    app.setPalette(palette);
    app.setStyleSheet(styleSheet(scheme, textPercent));
}

Theme::Scheme Theme::current()
{
    return g_current;
}

int Theme::textPercent()
{
    return g_textPercent;
}

int Theme::scaled(int pixels)
{
    return qRound(pixels * g_textPercent / 100.0);
}

} // namespace moim::ui
