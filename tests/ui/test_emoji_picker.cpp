// The emoji picker: finding an emoji by its English or Korean name (초성 too), recently used emoji
// first and remembered for the next time, choosing with the keyboard alone, and cells that a
// screen reader reads by name in the UI language.
#include "chat/emoji_catalogue.h"
#include "chat/emoji_grid_model.h"
#include "chat/emoji_picker.h"
#include "language.h"
#include "search/composing_line_edit.h"
#include "theme/theme.h"

#include <QAccessible>
#include <QApplication>
#include <QInputMethodEvent>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace moim::ui;
using namespace Qt::StringLiterals;

class TestEmojiPicker : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;

    static void type(EmojiPicker &picker, const QString &text)
    {
        picker.field()->clear();
        // As an input method commits it: Hangul arrives composed, not as key codes.
        QInputMethodEvent commit;
        commit.setCommitString(text);
        QApplication::sendEvent(picker.field(), &commit);
    }

    static QStringList shown(const EmojiPicker &picker)
    {
        QStringList glyphs;
        for (int position = 0; position < picker.model()->emojiCount(); ++position)
            glyphs.append(picker.model()->emojiAt(position));
        return glyphs;
    }

    static void open(EmojiPicker &picker)
    {
        picker.popup(QRect(200, 500, 24, 24));
        QVERIFY(QTest::qWaitForWindowExposed(&picker));
        QVERIFY(picker.field()->hasFocus());
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
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Theme::apply(*qApp, Theme::Scheme::Light);
    }

    void init()
    {
        m_settings = std::make_unique<QSettings>(m_dir.filePath(u"ui.ini"_s), QSettings::IniFormat);
        m_settings->clear();
        useLanguage(u"en"_s);
    }

    void theCatalogueHasTheCommonEmojiOfAWorkingDay()
    {
        const QList<EmojiCatalogue::Emoji> &all = EmojiCatalogue::all();
        QVERIFY2(all.size() >= 140 && all.size() <= 180, qPrintable(QString::number(all.size())));
        QSet<QString> glyphs;
        for (const EmojiCatalogue::Emoji &emoji : all) {
            QVERIFY2(!glyphs.contains(emoji.glyph), qPrintable(emoji.glyph));
            glyphs.insert(emoji.glyph);
        }
        for (const QString &glyph :
             {u"👍"_s, u"🙏"_s, u"✅"_s, u"😂"_s, u"📎"_s, u"📅"_s, u"☕"_s, u"🍚"_s, u"🎉"_s, u"❤️"_s})
            QVERIFY2(glyphs.contains(glyph), qPrintable(glyph));
    }

    void everyNameHasItsKoreanTranslation()
    {
        useLanguage(u"ko"_s);
        for (const EmojiCatalogue::Emoji &emoji : EmojiCatalogue::all()) {
            const QString korean = EmojiCatalogue::name(emoji);
            QVERIFY2(korean != QString::fromUtf8(emoji.name), emoji.name);
            QVERIFY2(korean.front().script() == QChar::Script_Hangul || korean.front().isDigit(),
                     qPrintable(korean));
        }
        QCOMPARE(EmojiCatalogue::name(u"👍"_s), u"좋아요"_s);
        QCOMPARE(EmojiCatalogue::name(u"🙏"_s), u"감사"_s);
        QCOMPARE(EmojiCatalogue::name(u"✅"_s), u"확인"_s);
        QCOMPARE(EmojiCatalogue::name(u"😂"_s), u"웃음"_s);
    }

    void typingFiltersByEnglishName()
    {
        EmojiPicker picker(m_settings.get());
        open(picker);
        QVERIFY(shown(picker).size() >= EmojiCatalogue::all().size());
        QTest::keyClicks(picker.field(), u"thumbs"_s);
        QCOMPARE(shown(picker), (QStringList{u"👍"_s, u"👎"_s}));
        // A name that starts with the words comes before one that only contains them.
        type(picker, u"heart"_s);
        const QStringList hearts = shown(picker);
        QVERIFY(hearts.contains(u"❤️"_s));
        QVERIFY(hearts.contains(u"😍"_s)); // heart eyes
        QVERIFY(hearts.contains(u"💔"_s)); // broken heart
        QVERIFY(!hearts.contains(u"👍"_s));
        // Case and surrounding spaces do not matter.
        type(picker, u"  COFFEE "_s);
        QCOMPARE(shown(picker), QStringList{u"☕"_s});
        type(picker, u"no such emoji"_s);
        QCOMPARE(picker.model()->emojiCount(), 0);
        QVERIFY(picker.grid()->isHidden());
        const QLabel *empty = nullptr;
        for (const QLabel *label : picker.findChildren<QLabel *>()) {
            if (label->isVisible() && label->text().contains(u"no such emoji"_s))
                empty = label;
        }
        QVERIFY2(empty, "the picker says that nothing matches");
    }

    void typingFiltersByKoreanNameAndItsInitials()
    {
        useLanguage(u"ko"_s);
        EmojiPicker picker(m_settings.get());
        open(picker);
        QCOMPARE(picker.field()->placeholderText(), u"이모지 검색"_s);
        type(picker, u"좋아요"_s);
        QVERIFY(shown(picker).startsWith(u"👍"_s));
        type(picker, u"감사"_s);
        QCOMPARE(shown(picker), QStringList{u"🙏"_s});
        // Inside a name: 하트 is in 노란 하트 and in 하트 눈.
        type(picker, u"하트"_s);
        QVERIFY(shown(picker).startsWith(u"❤️"_s));
        QVERIFY(shown(picker).contains(u"💛"_s));
        QVERIFY(shown(picker).contains(u"😍"_s));
        // 초성, as Korean users type a name they half remember.
        type(picker, u"ㅋㅍ"_s);
        QVERIFY(shown(picker).contains(u"☕"_s));
        // The English name still finds it in a Korean UI.
        type(picker, u"folded"_s);
        QCOMPARE(shown(picker), QStringList{u"🙏"_s});
        // A syllable still being composed already filters.
        picker.field()->clear();
        QInputMethodEvent composing(u"밥"_s, {});
        QApplication::sendEvent(picker.field(), &composing);
        QVERIFY(shown(picker).contains(u"🍚"_s));
    }

    void recentlyUsedComeFirstAndAreRemembered()
    {
        {
            EmojiPicker picker(m_settings.get());
            QSignalSpy picked(&picker, &EmojiPicker::emojiPicked);
            open(picker);
            picker.pick(u"🙏"_s);
            open(picker);
            QTest::keyClicks(picker.field(), u"coffee"_s);
            QTest::keyClick(picker.field(), Qt::Key_Return);
            QCOMPARE(picked.size(), 2);
            QCOMPARE(picked.at(1).first().toString(), u"☕"_s);
            QCOMPARE(picker.recent(), (QStringList{u"☕"_s, u"🙏"_s}));
        }
        QCOMPARE(m_settings->value(u"ui/recentEmoji"_s).toStringList(),
                 (QStringList{u"☕"_s, u"🙏"_s}));

        // The next picker (the next session) starts with them, under their own title.
        EmojiPicker picker(m_settings.get());
        open(picker);
        QCOMPARE(picker.model()->index(0, 0).data(EmojiGridModel::TitleRole).toBool(), true);
        QCOMPARE(picker.model()->index(0, 0).data().toString(), u"Recently used"_s);
        QCOMPARE(shown(picker).mid(0, 3), (QStringList{u"☕"_s, u"🙏"_s, u"😀"_s}));
        QCOMPARE(picker.currentEmoji(), u"☕"_s);
        // Among search results too: 💔 used lately comes before ❤️.
        picker.pick(u"💔"_s);
        open(picker);
        type(picker, u"heart"_s);
        QCOMPARE(shown(picker).first(), u"💔"_s);

        // Only the last 16, and only emoji: a hand-edited setting cannot put text in the grid.
        QStringList many;
        for (const EmojiCatalogue::Emoji &emoji : EmojiCatalogue::all().mid(0, 20))
            many.append(emoji.glyph);
        for (const QString &glyph : std::as_const(many))
            picker.pick(glyph);
        QCOMPARE(picker.recent().size(), EmojiPicker::MaxRecent);
        QCOMPARE(picker.recent().first(), many.last());
        QVERIFY(!picker.recent().contains(u"💔"_s));
        m_settings->setValue(u"ui/recentEmoji"_s, QStringList{u"<b>hi</b>"_s, u"🎉"_s});
        EmojiPicker edited(m_settings.get());
        QCOMPARE(edited.recent(), QStringList{u"🎉"_s});
    }

    void theKeyboardAloneChoosesAnEmoji()
    {
        EmojiPicker picker(m_settings.get());
        QSignalSpy picked(&picker, &EmojiPicker::emojiPicked);
        open(picker);
        // No recent emoji: the grid starts with the smileys, eight to a row.
        QCOMPARE(picker.currentEmoji(), picker.model()->emojiAt(0));
        QTest::keyClick(picker.field(), Qt::Key_Right);
        QTest::keyClick(picker.field(), Qt::Key_Right);
        QCOMPARE(picker.currentEmoji(), picker.model()->emojiAt(2));
        QTest::keyClick(picker.field(), Qt::Key_Down);
        QCOMPARE(picker.currentEmoji(), picker.model()->emojiAt(2 + EmojiGridModel::Columns));
        QTest::keyClick(picker.field(), Qt::Key_Left);
        QTest::keyClick(picker.field(), Qt::Key_Up);
        QCOMPARE(picker.currentEmoji(), picker.model()->emojiAt(1));
        // At the top edge the choice stays.
        QTest::keyClick(picker.field(), Qt::Key_Up);
        QCOMPARE(picker.currentEmoji(), picker.model()->emojiAt(1));
        // The field tells a screen reader what Enter would pick.
        QCOMPARE(picker.field()->accessibleDescription(),
                 EmojiCatalogue::name(picker.model()->emojiAt(1)));
        const QString chosen = picker.currentEmoji();
        QTest::keyClick(picker.field(), Qt::Key_Return);
        QCOMPARE(picked.size(), 1);
        QCOMPARE(picked.first().first().toString(), chosen);
        QVERIFY(picker.isHidden());

        // Esc closes without picking.
        open(picker);
        QTest::keyClicks(picker.field(), u"rocket"_s);
        QTest::keyClick(picker.field(), Qt::Key_Escape);
        QVERIFY(picker.isHidden());
        QCOMPARE(picked.size(), 1);
    }

    void downFromAShortRowAndAcrossSectionTitles()
    {
        // Titles are skipped, and a row shorter than the column lands on its last emoji.
        EmojiGridModel model;
        model.setSections(
            {{u"A"_s, {u"1"_s, u"2"_s, u"3"_s}},
             {u"B"_s,
              {u"4"_s, u"5"_s, u"6"_s, u"7"_s, u"8"_s, u"9"_s, u"10"_s, u"11"_s, u"12"_s}}});
        QCOMPARE(model.rowCount(), 5); // A, its row, B, its two rows
        QCOMPARE(model.titleRows(), (QList<int>{0, 2}));
        QCOMPARE(model.step(2, Qt::Key_Down), 5);   // "3" to "6" across the title B
        QCOMPARE(model.step(10, Qt::Key_Down), 11); // "11" to the last row's only "12"
        QCOMPARE(model.step(11, Qt::Key_Up), 3);
        QCOMPARE(model.step(3, Qt::Key_Up), 0);
        QCOMPARE(model.step(11, Qt::Key_Right), 11);
        QCOMPARE(model.step(0, Qt::Key_Left), 0);
        QCOMPARE(model.step(2, Qt::Key_Right), 3);
        QCOMPARE(model.positionOf(model.index(1, 5)), -1); // an empty cell
        QCOMPARE(model.flags(model.index(0, 0)), Qt::NoItemFlags);
    }

    // The cells and their emoji grow with the user's text size, in a picker already made.
    void growsWithTheTextSize()
    {
        EmojiPicker picker(m_settings.get());
        open(picker);
        const int cell = picker.grid()->columnWidth(0);
        const int glyph = picker.model()->index(1, 0).data(Qt::FontRole).value<QFont>().pixelSize();
        const QSize grid = picker.grid()->size();
        Theme::apply(*qApp, Theme::Scheme::Light, 200);
        QCOMPARE(picker.grid()->columnWidth(0), 2 * cell);
        QCOMPARE(picker.model()->index(1, 0).data(Qt::FontRole).value<QFont>().pixelSize(),
                 2 * glyph);
        QVERIFY(picker.grid()->width() > grid.width() && picker.grid()->height() > grid.height());
        Theme::apply(*qApp, Theme::Scheme::Light);
        QCOMPARE(picker.grid()->columnWidth(0), cell);
    }

    void eachCellIsReadByItsNameInTheUiLanguage()
    {
        for (const auto &[language, thumbsUp] :
             {std::pair{u"en"_s, u"thumbs up"_s}, std::pair{u"ko"_s, u"좋아요"_s}}) {
            useLanguage(language);
            EmojiPicker picker(m_settings.get());
            open(picker);
            type(picker, u"👍"_s);
            QCOMPARE(shown(picker), QStringList{u"👍"_s});
            QAccessibleInterface *grid = QAccessible::queryAccessibleInterface(picker.grid());
            QVERIFY(grid && grid->tableInterface());
            QAccessibleInterface *cell = grid->tableInterface()->cellAt(0, 0);
            QVERIFY(cell);
            QCOMPARE(cell->text(QAccessible::Name), thumbsUp);
            QCOMPARE(picker.model()->index(0, 0).data(Qt::ToolTipRole).toString(), thumbsUp);
        }
    }
};

QTEST_MAIN(TestEmojiPicker)
#include "test_emoji_picker.moc"
