// Quick switcher benchmark (prints figures; asserts only that results came): 20 workspaces x 200
// conversations x 2,000 people in the real widget over a window; each keystroke as the keyboard
// sends it (Latin keys, or a Korean input method's pre-edit and commit), timed from the event to
// the switcher painted with its results. A frame is 16.7 ms.
#include "bench_measures.h"
#include "search/composing_line_edit.h"
#include "search/quick_switcher.h"
#include "search/switcher_model.h"
#include "theme/theme.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QInputMethodEvent>
#include <QListView>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cstdio>
#include <random>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;

using moim::test::percentile;

namespace {

constexpr int Workspaces = 20;
constexpr int ConversationsPerWorkspace = 200;
constexpr int PeoplePerWorkspace = 2000;

// One keystroke: Latin keys arrive as key presses, Hangul as an input method's events.
struct Keystroke
{
    Qt::Key key = Qt::Key_unknown;
    QString commit;
    QString preedit;
};

QList<Keystroke> latin(const QString &text)
{
    QList<Keystroke> keys;
    for (QChar c : text)
        keys.append({Qt::Key(Qt::Key_A + (c.toLower().unicode() - u'a')), {}, {}});
    return keys;
}

QList<Keystroke> composed(const QList<QPair<QString, QString>> &steps)
{
    QList<Keystroke> keys;
    for (const auto &[commit, preedit] : steps)
        keys.append({Qt::Key_unknown, commit, preedit});
    // The input method commits the last syllable (a space or Enter ends it).
    keys.append({Qt::Key_unknown, steps.constLast().second, {}});
    return keys;
}

} // namespace

class BenchQuickSwitcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keystrokeToPaintedResults()
    {
        Theme::apply(*qApp, Theme::Scheme::Light);
        std::mt19937 random(17);
        const QStringList surnames{u"김"_s, u"이"_s, u"박"_s, u"최"_s, u"정"_s, u"강"_s, u"조"_s,
                                   u"윤"_s, u"장"_s, u"임"_s, u"한"_s, u"오"_s, u"서"_s, u"신"_s,
                                   u"권"_s, u"황"_s, u"안"_s, u"송"_s, u"류"_s, u"홍"_s};
        const QStringList syllables{u"민"_s, u"지"_s, u"서"_s, u"준"_s, u"하"_s, u"윤"_s, u"도"_s,
                                    u"현"_s, u"수"_s, u"영"_s, u"은"_s, u"우"_s, u"진"_s, u"호"_s,
                                    u"예"_s, u"나"_s, u"연"_s, u"성"_s, u"재"_s, u"유"_s, u"태"_s};
        const QStringList firstNames{u"Alex"_s,    u"Sarah"_s, u"Daniel"_s, u"Emily"_s,
                                     u"Michael"_s, u"Grace"_s, u"David"_s,  u"Olivia"_s};
        const QStringList lastNames{u"Park"_s,  u"Lee"_s,   u"Kim"_s,  u"Cho"_s,
                                    u"Smith"_s, u"Brown"_s, u"Song"_s, u"Jung"_s};
        const QStringList topics{u"개발"_s,    u"디자인"_s, u"마케팅"_s, u"영업"_s,    u"회의"_s,
                                 u"공지"_s,    u"릴리스"_s, u"design"_s, u"deploys"_s, u"random"_s,
                                 u"support"_s, u"qa"_s,     u"infra"_s,  u"채용"_s,    u"인사"_s};
        const auto pick = [&random](const QStringList &list) {
            return list.at(int(random() % list.size()));
        };

        QList<SwitcherEntry> places;
        QHash<QString, QList<SwitcherEntry>> people;
        for (int w = 0; w < Workspaces; ++w) {
            const QString workspaceId = u"w_%1"_s.arg(w);
            const QString workspaceName = u"%1 %2팀"_s.arg(pick(topics)).arg(w);
            places.append(SwitcherEntry::workspace(workspaceId, workspaceName, u"Team %1"_s.arg(w),
                                                   u"#3B6FE0"_s, workspaceName.left(1)));
            QList<SwitcherEntry> members;
            for (int p = 0; p < PeoplePerWorkspace; ++p) {
                const bool english = random() % 100 < 15;
                const QString name = english ? pick(firstNames) + u' ' + pick(lastNames)
                                             : pick(surnames) + pick(syllables) + pick(syllables);
                members.append(SwitcherEntry::person(u"u_%1_%2"_s.arg(w).arg(p), workspaceId, name,
                                                     QString(), workspaceName));
            }
            people.insert(workspaceId, members);
            for (int c = 0; c < ConversationsPerWorkspace; ++c) {
                const bool direct = c % 5 == 0;
                const QString name = direct ? members.at(c).name
                                            : u"%1-%2 %3"_s.arg(pick(topics), pick(topics)).arg(c);
                places.append(SwitcherEntry::conversation(u"c_%1_%2"_s.arg(w).arg(c), workspaceId,
                                                          name, workspaceName, direct, c % 7 == 0,
                                                          1'700'000'000 + c));
            }
        }

        QTemporaryDir dir;
        QSettings state(dir.filePath(u"state.ini"_s), QSettings::IniFormat);
        QWidget window;
        window.resize(1100, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QuickSwitcher switcher(nullptr, &state, &window);
        QElapsedTimer setup;
        setup.start();
        switcher.model()->setPlaces(places);
        for (auto it = people.cbegin(); it != people.cend(); ++it)
            switcher.model()->setPeople(it.key(), it.value());
        const double loadMs = setup.nsecsElapsed() / 1e6;
        QCOMPARE(switcher.model()->candidateCount(),
                 Workspaces * (1 + ConversationsPerWorkspace + PeoplePerWorkspace));

        const QList<QPair<QString, QList<Keystroke>>> queries{
            {u"김지민 (IME)"_s, composed({{{}, u"ㄱ"_s},
                                          {{}, u"기"_s},
                                          {{}, u"김"_s},
                                          {u"김"_s, u"ㅈ"_s},
                                          {{}, u"지"_s},
                                          {{}, u"짐"_s},
                                          {u"지"_s, u"미"_s},
                                          {{}, u"민"_s}})},
            {u"ㄱㅈㅁ (초성)"_s, composed({{{}, u"ㄱ"_s}, {u"ㄱ"_s, u"ㅈ"_s}, {u"ㅈ"_s, u"ㅁ"_s}})},
            {u"개발 (IME)"_s,
             composed(
                 {{{}, u"ㄱ"_s}, {{}, u"개"_s}, {{}, u"갭"_s}, {u"개"_s, u"바"_s}, {{}, u"발"_s}})},
            {u"jimin"_s, latin(u"jimin"_s)},
            {u"kim"_s, latin(u"kim"_s)},
            {u"design"_s, latin(u"design"_s)},
            {u"sarah"_s, latin(u"sarah"_s)},
        };

        switcher.open();
        QCoreApplication::processEvents();
        QList<double> all;
        std::printf("Quick switcher: %d workspaces x %d conversations x %d people (%lld names), "
                    "loaded in %.0f ms\n",
                    Workspaces, ConversationsPerWorkspace, PeoplePerWorkspace,
                    static_cast<long long>(switcher.model()->candidateCount()), loadMs);
        for (const auto &[label, keystrokes] : queries) {
            switcher.field()->clear();
            switcher.repaint();
            QList<double> samples;
            QList<double> matching;
            for (const Keystroke &keystroke : keystrokes) {
                QElapsedTimer timer;
                timer.start();
                if (keystroke.key != Qt::Key_unknown) {
                    QKeyEvent press(QEvent::KeyPress, keystroke.key, Qt::NoModifier,
                                    QString(QChar(u'a' + (keystroke.key - Qt::Key_A))));
                    QApplication::sendEvent(switcher.field(), &press);
                } else {
                    QInputMethodEvent event(keystroke.preedit, {});
                    event.setCommitString(keystroke.commit);
                    QApplication::sendEvent(switcher.field(), &event);
                }
                const qint64 matched = timer.nsecsElapsed();
                // Painted now, as the next frame would: the dimmed window, the card, the rows.
                switcher.repaint();
                samples.append(timer.nsecsElapsed() / 1e6);
                matching.append(matched / 1e6);
            }
            QVERIFY2(switcher.model()->rowCount() > 0, qPrintable(label));
            all.append(samples);
            std::printf("  %-14s %d keystrokes: median %.2f ms, p95 %.2f ms, max %.2f ms "
                        "(matching alone: median %.2f ms); %d rows, first: %s\n",
                        qPrintable(label), int(samples.size()), percentile(samples, 0.5),
                        percentile(samples, 0.95), percentile(samples, 1.0),
                        percentile(matching, 0.5), switcher.model()->rowCount(),
                        qPrintable(switcher.model()->entry(0).name));
        }
        std::printf("  all %d keystrokes: median %.2f ms, p95 %.2f ms, max %.2f ms "
                    "(target: first results within 16 ms)\n",
                    int(all.size()), percentile(all, 0.5), percentile(all, 0.95),
                    percentile(all, 1.0));
        std::fflush(stdout);
    }
};

QTEST_MAIN(BenchQuickSwitcher)
#include "bench_quick_switcher.moc"
