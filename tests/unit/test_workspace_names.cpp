// A workspace shows its English name in an English UI where the company gave one, and the
// company's own name otherwise; the other name is offered beside it, never the same one twice.
#include "account/workspace_model.h"

#include <QSignalSpy>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {

Workspace workspace(const QString &id, const QString &name, const QString &nameEn)
{
    Workspace w;
    w.id = id;
    w.name = name;
    w.nameEn = nameEn;
    return w;
}

} // namespace

class TestWorkspaceNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shownAndOtherName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("nameEn");
        QTest::addColumn<bool>("english");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<QString>("other");
        QTest::newRow("Korean UI")
            << u"모임 본사"_s << u"Moim HQ"_s << false << u"모임 본사"_s << u"Moim HQ"_s;
        QTest::newRow("English UI")
            << u"모임 본사"_s << u"Moim HQ"_s << true << u"Moim HQ"_s << u"모임 본사"_s;
        QTest::newRow("no English name")
            << u"부산 지사"_s << QString() << true << u"부산 지사"_s << QString();
        QTest::newRow("the same twice") << u"Acme"_s << u"Acme"_s << true << u"Acme"_s << QString();
        QTest::newRow("same, Korean UI")
            << u"Acme"_s << u"Acme"_s << false << u"Acme"_s << QString();
    }

    void shownAndOtherName()
    {
        QFETCH(QString, name);
        QFETCH(QString, nameEn);
        QFETCH(bool, english);
        const Workspace w = workspace(u"w"_s, name, nameEn);
        QTEST(w.shownName(english), "shown");
        QTEST(w.otherName(english), "other");
    }

    void theModelFollowsTheLanguage()
    {
        WorkspaceModel model;
        model.setWorkspaces({workspace(u"hq"_s, u"모임 본사"_s, u"Moim HQ"_s),
                             workspace(u"busan"_s, u"부산 지사"_s, QString())});
        const QModelIndex hq = model.index(0);
        QCOMPARE(hq.data(WorkspaceModel::NameRole).toString(), u"모임 본사"_s);
        QCOMPARE(hq.data(Qt::ToolTipRole).toString(), u"모임 본사 (Moim HQ)"_s);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setEnglishNames(true);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(hq.data(Qt::DisplayRole).toString(), u"Moim HQ"_s);
        QCOMPARE(hq.data(WorkspaceModel::NameRole).toString(), u"Moim HQ"_s);
        QCOMPARE(hq.data(Qt::ToolTipRole).toString(), u"Moim HQ (모임 본사)"_s);
        QCOMPARE(model.index(1).data(WorkspaceModel::NameRole).toString(), u"부산 지사"_s);
        QCOMPARE(model.index(1).data(Qt::ToolTipRole).toString(), u"부산 지사"_s);
        // Asking again changes nothing and tells nobody.
        model.setEnglishNames(true);
        QCOMPARE(changed.count(), 1);
    }
};

QTEST_APPLESS_MAIN(TestWorkspaceNames)
#include "test_workspace_names.moc"
