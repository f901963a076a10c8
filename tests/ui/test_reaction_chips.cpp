// Reaction chips under a message: laid out in a row that wraps, found again under the mouse, a
// click that adds or takes back the user's own reaction, the user's reactions highlighted, and
// who reacted in English and Korean.
#include "chat/reaction_chips.h"
#include "language.h"
#include "theme/theme.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QTranslator>
#include <QtTest>

using namespace moim::ui;
using namespace Qt::StringLiterals;

class TestReactionChips : public QObject
{
    Q_OBJECT

    static QList<ReactionChip> sample()
    {
        return {{u"👍"_s, {u"김지민"_s, u"Alex Kim"_s}, false},
                {u"🙏"_s, {u"박서준"_s}, true},
                {u"🎉"_s, {u"Alex Kim"_s, u"박서준"_s, u"이하나"_s}, false}};
    }

    static void useLanguage(const QString &language)
    {
        for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QVERIFY(installLanguage(*qApp, language));
    }

private Q_SLOTS:
    void initTestCase() { Theme::apply(*qApp, Theme::Scheme::Light); }

    void init() { useLanguage(u"en"_s); }

    void chipsSitInARowAndWrapWhenNarrow()
    {
        ReactionChips chips(sample(), true);
        const QPoint origin(66, 100);
        const int height = chips.layout(QApplication::font(), origin, 600);
        QVERIFY(height > 0);
        QCOMPARE(chips.chipRect(0).topLeft(), origin);
        for (int chip = 1; chip < 3; ++chip) {
            QCOMPARE(chips.chipRect(chip).top(), origin.y());
            QVERIFY(chips.chipRect(chip).left() > chips.chipRect(chip - 1).right());
        }
        QCOMPARE(chips.addChipRect().top(), origin.y());
        QVERIFY(chips.addChipRect().left() > chips.chipRect(2).right());
        QCOMPARE(height, chips.chipRect(0).height());

        // Two chips wide: the rest goes on the next lines, never past the width.
        const int narrow = chips.chipRect(0).width() + chips.chipRect(1).width() + 8;
        const int wrapped = chips.layout(QApplication::font(), origin, narrow);
        QVERIFY(wrapped > 2 * chips.chipRect(0).height());
        QCOMPARE(chips.chipRect(1).top(), origin.y());
        QVERIFY(chips.chipRect(2).top() > chips.chipRect(1).bottom());
        QCOMPARE(chips.chipRect(2).left(), origin.x());
        for (int chip = 0; chip < 3; ++chip)
            QVERIFY(chips.chipRect(chip).right() < origin.x() + narrow);
        QCOMPARE(wrapped, chips.addChipRect().bottom() + 1 - origin.y());

        // Nothing to show takes no room.
        ReactionChips none({}, false);
        QCOMPARE(none.layout(QApplication::font(), origin, 600), 0);
    }

    void aClickTogglesTheUsersOwnReaction()
    {
        ReactionChips chips(sample(), true);
        chips.layout(QApplication::font(), QPoint(10, 10), 600);
        QCOMPARE(chips.chipAt(chips.chipRect(0).center()), 0);
        QCOMPARE(chips.chipAt(chips.chipRect(2).topLeft() + QPoint(2, 2)), 2);
        QCOMPARE(chips.chipAt(chips.addChipRect().center()), ReactionChips::AddChip);
        QCOMPARE(chips.chipAt(QPoint(5, 5)), -1);
        // Between two chips is no chip.
        QCOMPARE(
            chips.chipAt(QPoint(chips.chipRect(0).right() + 2, chips.chipRect(0).center().y())),
            -1);

        // Not among them yet: the click adds the user's reaction; among them: takes it back.
        QCOMPARE(chips.toggleAt(chips.chipRect(0).center()), (ReactionChips::Toggle{u"👍"_s, true}));
        QCOMPARE(chips.toggleAt(chips.chipRect(1).center()),
                 (ReactionChips::Toggle{u"🙏"_s, false}));
        QVERIFY(!chips.toggleAt(chips.addChipRect().center()));
        QVERIFY(!chips.toggleAt(QPoint(5, 5)));
    }

    void theUsersOwnReactionIsHighlighted()
    {
        ReactionChips chips(sample(), false);
        chips.layout(QApplication::font(), QPoint(4, 4), 400);
        QImage image(420, 60, QImage::Format_ARGB32);
        const Theme::Colors colors = Theme::colors(Theme::Scheme::Light);
        image.fill(colors.surface);
        QPainter painter(&image);
        chips.paint(&painter);
        painter.end();
        // Inside each chip, left of its emoji: the chip's own background.
        const auto fill = [&](int chip) {
            const QRect rect = chips.chipRect(chip);
            return image.pixelColor(rect.left() + 4, rect.center().y());
        };
        QCOMPARE(fill(1), colors.selection);
        QCOMPARE(fill(0), colors.sunken);
        QCOMPARE(fill(2), colors.sunken);
    }

    void theTooltipSaysWhoReacted()
    {
        const ReactionChip thumbs = sample().at(0);
        QCOMPARE(ReactionChips::toolTip(thumbs), u"👍 2: 김지민, Alex Kim"_s);
        QCOMPARE(ReactionChips::accessibleText(thumbs), u"👍 2: 김지민, Alex Kim"_s);
        QCOMPARE(ReactionChips::accessibleText(sample().at(1)), u"🙏 1: 박서준, including you"_s);
        ReactionChip crowd{u"🎉"_s, {}, false};
        for (int person = 1; person <= 12; ++person)
            crowd.names.append(u"Person %1"_s.arg(person));
        QCOMPARE(ReactionChips::toolTip(crowd),
                 u"🎉 12: Person 1, Person 2, Person 3, Person 4, Person 5, Person 6, Person 7, "
                 "Person 8, Person 9, Person 10 and 2 others"_s);
        crowd.names.resize(11);
        QVERIFY(ReactionChips::toolTip(crowd).endsWith(u"Person 10 and 1 other"_s));
        QCOMPARE(ReactionChips::addChipText(), u"Add a reaction"_s);

        useLanguage(u"ko"_s);
        QCOMPARE(ReactionChips::toolTip(thumbs), u"👍 2명: 김지민, Alex Kim"_s);
        QCOMPARE(ReactionChips::accessibleText(sample().at(1)), u"🙏 1명: 박서준 (내 반응 포함)"_s);
        crowd.names.append(u"Person 12"_s);
        QVERIFY(ReactionChips::toolTip(crowd).startsWith(u"🎉 12명: Person 1, "_s));
        QVERIFY(ReactionChips::toolTip(crowd).endsWith(u"Person 10 외 2명"_s));
        QCOMPARE(ReactionChips::addChipText(), u"반응 추가"_s);
    }
};

QTEST_MAIN(TestReactionChips)
#include "test_reaction_chips.moc"
