#pragma once

#include "chat/emoji_grid_model.h"

#include <QWidget>

class QFrame;
class QLabel;
class QSettings;
class QTableView;

namespace moim::ui {

class ComposingLineEdit;

// A small popup for choosing an emoji: a search field over a grid, recently used emoji first.
// Typing filters by English or translated name, the arrows move through the grid, Enter picks,
// Esc closes. The recently used ones (at most MaxRecent) are remembered in the profile's window
// state, so they come first next time and in the next session.
class EmojiPicker : public QWidget
{
    Q_OBJECT

public:
    static constexpr int MaxRecent = 16;

    // Remembers what was picked in `uiState` (nothing is remembered without one).
    explicit EmojiPicker(QSettings *uiState, QWidget *parent = nullptr);

    // Opens as a popup beside `anchor` (global coordinates), above it when there is room, with
    // an empty search and the first emoji chosen.
    void popup(const QRect &anchor);

    ComposingLineEdit *field() const { return m_field; }
    QTableView *grid() const { return m_grid; }
    const EmojiGridModel *model() const { return &m_model; }
    // Most recent first.
    QStringList recent() const { return m_recent; }
    QString currentEmoji() const;
    // The same as a click on the emoji: remembers it, reports it and closes.
    void pick(const QString &glyph);

Q_SIGNALS:
    void emojiPicked(const QString &emoji);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    // Cells, the grid and the preview follow the user's text size.
    void applySizes();
    void refill();
    void setCurrent(int position);
    void showPreview(int position);

    QSettings *m_uiState;
    QFrame *m_card;
    ComposingLineEdit *m_field;
    QTableView *m_grid;
    QLabel *m_empty;
    QLabel *m_previewEmoji;
    QLabel *m_previewName;
    EmojiGridModel m_model;
    QStringList m_recent;
};

} // namespace moim::ui
