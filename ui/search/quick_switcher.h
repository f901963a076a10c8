#pragma once

#include "composing_line_edit.h"
#include "switcher_model.h"

#include <QPointer>
#include <QWidget>

class QFrame;
class QLabel;
class QListView;
class QSettings;

namespace moim {
class Account;
}

namespace moim::ui {

// Ctrl+K: one field over the window that jumps to a workspace, a conversation of any workspace,
// or a person (opening the direct conversation with them). Recently used places come first and
// are remembered in the profile's window state.
class QuickSwitcher : public QWidget
{
    Q_OBJECT

public:
    // Covers `window` while open; its places come from `account` (without one, only what is
    // put into model() is listed).
    QuickSwitcher(Account *account, QSettings *uiState, QWidget *window);

    // Shows the switcher with an empty field, the places refreshed and the members asked for.
    void open();
    void close();

    ComposingLineEdit *field() const { return m_field; }
    QListView *list() const { return m_list; }
    QLabel *status() const { return m_status; }
    SwitcherModel *model() { return &m_model; }
    // Jumps to the row: the same as Enter on it.
    void activate(int row);

Q_SIGNALS:
    void workspaceRequested(const QString &workspaceId);
    void conversationRequested(const QString &workspaceId, const QString &conversationId);
    void closed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void reloadPlaces();
    void loadPeople();
    void updateCount();
    void moveCurrent(int step);
    void placeCard();

    QPointer<Account> m_account;
    QSettings *m_uiState;
    QFrame *m_card;
    ComposingLineEdit *m_field;
    QListView *m_list;
    QLabel *m_status;
    SwitcherModel m_model;
    QString m_opening;               // the person whose direct conversation is being opened
    QPointer<QWidget> m_returnFocus; // where the keyboard was before the switcher opened
};

} // namespace moim::ui
