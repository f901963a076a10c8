#pragma once

#include "search_panel.h"

#include <QObject>
#include <QPointer>

namespace moim {
class Account;
class MessageSearch;
} // namespace moim

namespace moim::ui {

// Runs the searches the panel asks for through the account's message search (what this computer
// holds at once, then the server's), and hands the results and their progress back.
class SearchRunner : public QObject
{
    Q_OBJECT

public:
    SearchRunner(Account *account, SearchPanel *panel);

    MessageSearch *search() const { return m_search; }

private:
    void run(const SearchPanel::Request &request);
    void showResults();
    void showState();

    QPointer<Account> m_account;
    SearchPanel *m_panel;
    MessageSearch *m_search = nullptr; // a child, while there is an account
};

} // namespace moim::ui
