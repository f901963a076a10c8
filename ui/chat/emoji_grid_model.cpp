#include "emoji_grid_model.h"

#include "common/emoji_font.h"
#include "emoji_catalogue.h"
#include "theme/theme.h"

#include <QFont>
#include <QGuiApplication>
#include <algorithm>

namespace moim::ui {

namespace {
constexpr int EmojiPixelSize = 22;
}

void EmojiGridModel::setSections(const QList<Section> &sections)
{
    beginResetModel();
    m_rows.clear();
    m_glyphs.clear();
    for (const Section &section : sections) {
        if (section.glyphs.isEmpty())
            continue;
        if (!section.title.isEmpty())
            m_rows.append({section.title, int(m_glyphs.size()), 0});
        for (qsizetype start = 0; start < section.glyphs.size(); start += Columns) {
            const int count = int(std::min<qsizetype>(Columns, section.glyphs.size() - start));
            m_rows.append({QString(), int(m_glyphs.size() + start), count});
        }
        m_glyphs.append(section.glyphs);
    }
    endResetModel();
}

int EmojiGridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EmojiGridModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Columns;
}

QVariant EmojiGridModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows.at(index.row());
    const bool title = row.count == 0;
    if (role == TitleRole)
        return title;
    if (title) {
        if (index.column() != 0)
            return {};
        switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
            return row.title;
        case Qt::FontRole: {
            QFont font = QGuiApplication::font();
            font.setPointSizeF(std::max(7.0, font.pointSizeF() - 1.5));
            font.setWeight(QFont::DemiBold);
            return font;
        }
        case Qt::ForegroundRole:
            return Theme::colors(Theme::current()).mutedText;
        case Qt::TextAlignmentRole:
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignBottom);
        default:
            return {};
        }
    }
    const int position = positionOf(index);
    if (position < 0)
        return {};
    const QString &glyph = m_glyphs.at(position);
    switch (role) {
    case Qt::DisplayRole:
        return glyph;
    case Qt::AccessibleTextRole:
    case Qt::ToolTipRole: {
        const QString name = EmojiCatalogue::name(glyph);
        return name.isEmpty() ? glyph : name;
    }
    case Qt::FontRole:
        return emojiFont(QGuiApplication::font(), Theme::scaled(EmojiPixelSize));
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignCenter);
    default:
        return {};
    }
}

Qt::ItemFlags EmojiGridModel::flags(const QModelIndex &index) const
{
    if (positionOf(index) < 0)
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QList<int> EmojiGridModel::titleRows() const
{
    QList<int> rows;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).count == 0)
            rows.append(row);
    }
    return rows;
}

QModelIndex EmojiGridModel::indexAt(int position) const
{
    const int row = rowOf(position);
    return row < 0 ? QModelIndex() : index(row, position - m_rows.at(row).first);
}

int EmojiGridModel::positionOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_rows.size())
        return -1;
    const Row &row = m_rows.at(index.row());
    return index.column() < row.count ? row.first + index.column() : -1;
}

int EmojiGridModel::rowOf(int position) const
{
    if (position < 0 || position >= m_glyphs.size())
        return -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        const Row &candidate = m_rows.at(row);
        if (candidate.count > 0 && position < candidate.first + candidate.count)
            return row;
    }
    return -1;
}

int EmojiGridModel::step(int position, int key) const
{
    const int row = rowOf(position);
    if (row < 0)
        return position;
    switch (key) {
    case Qt::Key_Left:
        return std::max(0, position - 1);
    case Qt::Key_Right:
        return std::min(emojiCount() - 1, position + 1);
    case Qt::Key_Up:
    case Qt::Key_Down: {
        const int direction = key == Qt::Key_Up ? -1 : 1;
        const int column = position - m_rows.at(row).first;
        for (int next = row + direction; next >= 0 && next < m_rows.size(); next += direction) {
            const Row &target = m_rows.at(next);
            if (target.count > 0)
                return target.first + std::min(column, target.count - 1);
        }
        return position;
    }
    default:
        return position;
    }
}

} // namespace moim::ui
