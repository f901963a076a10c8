#pragma once

#include <QAbstractTableModel>
#include <QStringList>

namespace moim::ui {

// The emoji picker's grid: sections (recently used, then the groups, or the search results), each
// a title row above rows of emoji. An emoji has a position in reading order; the arrow keys move
// between positions as they look on screen, skipping the title rows.
class EmojiGridModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int Columns = 8;
    // True on a section's title row, whose first cell spans the whole row.
    static constexpr int TitleRole = Qt::UserRole + 1;

    struct Section
    {
        QString title; // empty: no title row
        QStringList glyphs;
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setSections(const QList<Section> &sections);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    QList<int> titleRows() const;
    int emojiCount() const { return int(m_glyphs.size()); }
    QString emojiAt(int position) const { return m_glyphs.value(position); }
    QModelIndex indexAt(int position) const;
    // -1 for a title or an empty cell.
    int positionOf(const QModelIndex &index) const;
    // Where the arrow `key` leads from `position`: left and right in reading order, up and down
    // to the same column of the row above or below (or its last emoji when that row is shorter).
    // The same position at an edge.
    int step(int position, int key) const;

private:
    struct Row
    {
        QString title; // only on a title row
        int first = 0; // position of the row's first emoji
        int count = 0; // emoji in the row; 0 on a title row
    };

    int rowOf(int position) const;

    QList<Row> m_rows;
    QStringList m_glyphs;
};

} // namespace moim::ui
