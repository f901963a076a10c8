#pragma once

#include <QCoreApplication>
#include <QFont>
#include <QList>
#include <QRect>
#include <QStringList>
#include <optional>

class QPainter;

namespace moim::ui {

// One emoji under a message: who reacted with it, in reaction order, and whether the user is
// one of them.
struct ReactionChip
{
    QString emoji;
    QStringList names;
    bool mine = false;
    bool operator==(const ReactionChip &) const = default;
};

// The reactions under a message as a row of chips (emoji and count, highlighted where the user
// reacted) that wraps onto more lines when narrow, optionally ending with an "add a reaction"
// chip. Lays them out for painting and for hit testing, so the same rects that are drawn are the
// ones a click or a tooltip finds.
class ReactionChips
{
    Q_DECLARE_TR_FUNCTIONS(moim::ui::ReactionChips)

public:
    // What a click on a chip asks for: the user's reaction with `emoji` added or taken back.
    struct Toggle
    {
        QString emoji;
        bool add = false;
        bool operator==(const Toggle &) const = default;
    };
    // chipAt() for the "add a reaction" chip.
    static constexpr int AddChip = -2;

    ReactionChips() = default;
    ReactionChips(QList<ReactionChip> chips, bool withAddChip);

    const QList<ReactionChip> &chips() const { return m_chips; }
    // Lays the chips out from `topLeft`, wrapping at `width`; returns the height they take (0 when
    // there is nothing to show).
    int layout(const QFont &font, const QPoint &topLeft, int width);
    QRect chipRect(int chip) const { return m_rects.value(chip); }
    QRect addChipRect() const { return m_addRect; }
    // The chip under `position`: its index, AddChip, or -1.
    int chipAt(const QPoint &position) const;
    // What a click at `position` asks for; nothing when it misses every reaction chip.
    std::optional<Toggle> toggleAt(const QPoint &position) const;
    // `hovered` from chipAt(), to outline the chip under the mouse.
    void paint(QPainter *painter, int hovered = -1) const;

    // "👍 2: 김지민, Alex Kim": who reacted, for the tooltip and for a screen reader. Plain text
    // with other people's names in it: a tooltip shows it through plainToolTip().
    static QString toolTip(const ReactionChip &chip);
    // The tooltip's words and whether the user's reaction is among them.
    static QString accessibleText(const ReactionChip &chip);
    static QString addChipText();

private:
    QList<ReactionChip> m_chips;
    bool m_withAddChip = false;
    QFont m_font;
    QList<QRect> m_rects;
    QRect m_addRect;
};

} // namespace moim::ui
