// Roles in the window: the org chart, staffing from the keyboard and by drag and drop,
// hand-over on the timeline, the chat topic, take command, the roster and the template editor.

#include "dialogs/assignroledialog.h"
#include "dialogs/catchupdialog.h"
#include "dialogs/newincidentdialog.h"
#include "dialogs/templateeditordialog.h"
#include "docks/rolechartdock.h"
#include "docks/rosterdock.h"
#include "docks/timelinedock.h"
#include "domain/roletemplate.h"
#include "models/assignmentmodel.h"
#include "models/peoplemodel.h"
#include "models/roletreemodel.h"
#include "models/timelinemodel.h"
#include "uifixture.h"
#include "widgets/rolechartview.h"
#include "window/incidentactions.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace cp;
using namespace cp::test;

namespace {

struct Staffed
{
    qint64 incident = 0;
    qint64 ana = 0, bo = 0, cy = 0, dee = 0;
};

Staffed prepare(UiFixture &f, IncidentKind kind = IncidentKind::Technical)
{
    Staffed s;
    s.ana = f.addPerson(QStringLiteral("Ana Lima"), QStringLiteral("ana"));
    s.bo = f.addPerson(QStringLiteral("Bo Chen"), QStringLiteral("bo"));
    s.cy = f.addPerson(QStringLiteral("Cy Okafor"), QStringLiteral("cy"));
    s.dee = f.addPerson(QStringLiteral("Dee Park"), QStringLiteral("dee"));
    NewIncident incident;
    incident.title = QStringLiteral("Checkout is down");
    incident.severity = Severity::Sev1;
    incident.kind = kind;
    incident.roles = RoleTemplateLibrary().find(QStringLiteral("technical-response"));
    auto id = f.store->incidents().create(incident, QStringLiteral("ana"));
    s.incident = id ? *id : 0;
    return s;
}

QStringList holders(RoleChartDock *dock, const QString &key)
{
    RoleCardItem *card = dock->chart()->card(key);
    return card ? card->holders() : QStringList{QStringLiteral("<no card>")};
}

// Drags the people onto the card the way a drop from the roster arrives: enter, move, drop.
bool dropOnCard(RoleChartDock *dock, const QString &roleKey, const QList<qint64> &personIds, PeopleModel *people)
{
    RoleChartView *view = dock->chart();
    RoleCardItem *card = view->card(roleKey);
    if (!card)
        return false;
    view->ensureVisible(card);
    QModelIndexList rows;
    for (qint64 id : personIds)
        rows << people->index(people->rowOfPerson(id), 0);
    std::unique_ptr<QMimeData> mime(people->mimeData(rows));
    const QPoint at = view->mapFromScene(card->sceneBoundingRect().center());
    QDragEnterEvent enter(at, Qt::LinkAction | Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view->viewport(), &enter);
    QDragMoveEvent move(at, Qt::LinkAction | Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view->viewport(), &move);
    if (!move.isAccepted())
        return false;
    QDropEvent drop(QPointF(at), Qt::LinkAction | Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view->viewport(), &drop);
    return drop.isAccepted();
}

bool timelineHas(MainWindow &w, const QString &text)
{
    TimelineModel *model = w.timelineDock()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(TimelineModel::TextRole).toString().contains(text))
            return true;
    }
    return false;
}

} // namespace

class TstRolesUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void chartShowsTheTemplateWithVacanciesFlagged();
    void staffSev1FromTheKeyboardAndByDragAndDrop();
    void takeCommandShowsTheCatchUp();
    void businessTreeSubTeamZoomAndExport();
    void newIncidentDialogDeclaresWithTheTemplate();
    void rosterFiltersAndImportErrorChangesNothing();
    void templateEditorValidatesBeforeSaving();
    void docksAreInTheViewMenu();
};

void TstRolesUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TstRolesUi::chartShowsTheTemplateWithVacanciesFlagged()
{
    UiFixture f;
    const Staffed s = prepare(f);
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(s.incident));
    RoleChartDock *dock = w.roleChartDock();
    QCOMPARE(dock->objectName(), QStringLiteral("roleChartDock"));
    QTRY_VERIFY(dock->chart()->card(QStringLiteral("ic")));
    RoleCardItem *ic = dock->chart()->card(QStringLiteral("ic"));
    QVERIFY(ic->isVacantRequired());
    QVERIFY(ic->text().contains(QStringLiteral("VACANT")));
    // The command role on top, its staff beside it, the others below.
    RoleCardItem *deputy = dock->chart()->card(QStringLiteral("deputy"));
    RoleCardItem *sme = dock->chart()->card(QStringLiteral("sme"));
    QVERIFY(deputy && sme);
    QCOMPARE(deputy->y(), ic->y());
    QVERIFY(deputy->x() > ic->x());
    QVERIFY(sme->y() > ic->y());
    // The nudge: IC first.
    auto *banner = w.findChild<QLabel *>(QStringLiteral("roleChartBanner"));
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().startsWith(QStringLiteral("Vacant: IC")), qPrintable(banner->text()));
    auto *status = w.findChild<QLabel *>(QStringLiteral("vacancyStatus"));
    QVERIFY(status->text().startsWith(QStringLiteral("Vacant: IC")));
}

void TstRolesUi::staffSev1FromTheKeyboardAndByDragAndDrop()
{
    UiFixture f;
    const Staffed s = prepare(f);
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(s.incident));
    RoleChartDock *dock = w.roleChartDock();
    QTRY_VERIFY(dock->chart()->card(QStringLiteral("ic")));

    // Keyboard: Ctrl+R, type the handle, Enter. The first vacant required role (IC) is preselected.
    dock->assignAction()->trigger();
    auto *dialog = f.dialog<AssignRoleDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->roleKey(), QStringLiteral("ic"));
    QTest::keyClicks(dialog->personEdit(), QStringLiteral("ana"));
    QTest::keyClick(dialog->personEdit(), Qt::Key_Return);
    QTRY_VERIFY(!dialog->isVisible());
    QTRY_COMPARE(holders(dock, QStringLiteral("ic")), QStringList{QStringLiteral("Ana Lima")});
    QVERIFY(!dock->chart()->card(QStringLiteral("ic"))->isVacantRequired());

    // Scribe from the keyboard too, choosing the role by typing into the combo.
    dock->assignAction()->trigger();
    dialog = f.dialog<AssignRoleDialog>();
    QVERIFY(dialog);
    dialog->setRole(QStringLiteral("scribe"));
    QTest::keyClicks(dialog->personEdit(), QStringLiteral("Dee"));
    QTest::keyClick(dialog->personEdit(), Qt::Key_Return);
    QTRY_COMPARE(holders(dock, QStringLiteral("scribe")), QStringList{QStringLiteral("Dee Park")});

    // An unknown person keeps the dialog open with the reason.
    dock->assignAction()->trigger();
    dialog = f.dialog<AssignRoleDialog>();
    QTest::keyClicks(dialog->personEdit(), QStringLiteral("nobody-here"));
    QTest::keyClick(dialog->personEdit(), Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("assignError"))->isHidden());
    dialog->reject();

    // Drag and drop: Bo from the roster onto the Deputy card.
    PeopleModel *people = w.rosterDock()->people();
    QVERIFY(dropOnCard(dock, QStringLiteral("deputy"), {s.bo}, people));
    QTRY_COMPARE(holders(dock, QStringLiteral("deputy")), QStringList{QStringLiteral("Bo Chen")});

    // Dropping Cy on the held IC card hands the role over, and the timeline says so.
    QVERIFY(dropOnCard(dock, QStringLiteral("ic"), {s.cy}, people));
    QTRY_COMPARE(holders(dock, QStringLiteral("ic")), QStringList{QStringLiteral("Cy Okafor")});
    QTRY_VERIFY(timelineHas(w, QStringLiteral("handed over: Ana Lima → Cy Okafor")));
    QTRY_VERIFY(w.rosterDock()->history()->rowCount() >= 4);

    // Undo hands it back; undo again releases the Deputy.
    w.undoStack()->undo();
    QTRY_COMPARE(holders(dock, QStringLiteral("ic")), QStringList{QStringLiteral("Ana Lima")});
    w.undoStack()->undo();
    QTRY_VERIFY(holders(dock, QStringLiteral("deputy")).isEmpty());
    w.undoStack()->redo();
    QTRY_COMPARE(holders(dock, QStringLiteral("deputy")), QStringList{QStringLiteral("Bo Chen")});

    // The chat topic goes to the clipboard.
    QApplication::clipboard()->clear();
    QVERIFY(w.findChild<QAction *>(QStringLiteral("copyChatTopicAction")));
    dock->copyTopicAction()->trigger();
    const QString topic = QApplication::clipboard()->text();
    QVERIFY2(topic.startsWith(QStringLiteral("IC: Ana")), qPrintable(topic));
    QVERIFY(topic.contains(QStringLiteral("Deputy: Bo")));
    QVERIFY(topic.contains(QStringLiteral("Scribe: Dee")));
}

void TstRolesUi::takeCommandShowsTheCatchUp()
{
    UiFixture f;
    const Staffed s = prepare(f);
    QVERIFY(f.store->roles().assign(s.incident, QStringLiteral("ic"), s.ana, QStringLiteral("ana")));
    QVERIFY(f.store->roles().assign(s.incident, QStringLiteral("deputy"), s.bo, QStringLiteral("ana")));
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(s.incident));
    RoleChartDock *dock = w.roleChartDock();
    QTRY_COMPARE(holders(dock, QStringLiteral("deputy")), QStringList{QStringLiteral("Bo Chen")});
    QTRY_VERIFY(dock->takeCommandAction()->isEnabled());
    // One chord, asked first: Esc keeps command where it is, the confirmation hands it over.
    dock->takeCommandAction()->trigger();
    auto *confirm = w.findChild<QMessageBox *>(QStringLiteral("takeCommandConfirmation"));
    QVERIFY(confirm && confirm->isVisible());
    QTest::keyClick(confirm, Qt::Key_Escape);
    QTRY_VERIFY(!w.findChild<QMessageBox *>(QStringLiteral("takeCommandConfirmation")));
    QCOMPARE(holders(dock, QStringLiteral("ic")), QStringList{QStringLiteral("Ana Lima")});
    dock->takeCommandAction()->trigger();
    confirm = w.findChild<QMessageBox *>(QStringLiteral("takeCommandConfirmation"));
    QVERIFY(confirm);
    QTest::keyClick(confirm, Qt::Key_Return);
    auto *catchUp = f.dialog<CatchUpDialog>();
    QVERIFY(catchUp);
    QVERIFY(catchUp->text().contains(QStringLiteral("Checkout is down")));
    QTRY_COMPARE(holders(dock, QStringLiteral("ic")), QStringList{QStringLiteral("Bo Chen")});
    QTRY_COMPARE(holders(dock, QStringLiteral("deputy")), QStringList{QStringLiteral("Ana Lima")});
    QApplication::clipboard()->clear();
    QTest::mouseClick(catchUp->findChild<QPushButton *>(QStringLiteral("catchUpCopy")), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), catchUp->text());
    catchUp->reject();
}

void TstRolesUi::businessTreeSubTeamZoomAndExport()
{
    UiFixture f;
    const Staffed s = prepare(f, IncidentKind::Business);
    QVERIFY(f.store->roles().assign(s.incident, QStringLiteral("ic"), s.ana, QStringLiteral("ana")));
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(s.incident));
    RoleChartDock *dock = w.roleChartDock();
    QTRY_VERIFY(dock->chart()->card(QStringLiteral("ic")));
    dock->addBusinessAction()->trigger();
    QTRY_VERIFY(dock->chart()->card(QStringLiteral("business-lead")));
    QVERIFY(dock->chart()->card(QStringLiteral("business-lead"))->y() > dock->chart()->card(QStringLiteral("ic"))->y());
    QVERIFY(dock->addSubTeam(QStringLiteral("Alpha")).ok());
    QTRY_VERIFY(dock->chart()->card(QStringLiteral("alpha-lead")));
    QVERIFY(dock->chart()->card(QStringLiteral("alpha-member")));

    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    dock->chart()->setFocus();
    const qreal before = dock->chart()->zoom();
    QTest::keyClick(dock->chart(), Qt::Key_Equal, Qt::ControlModifier);
    const qreal zoomedIn = dock->chart()->zoom();
    QVERIFY(zoomedIn > before);
    QTest::keyClick(dock->chart(), Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(dock->chart()->zoom() < zoomedIn);
    QTest::keyClick(dock->chart(), Qt::Key_0, Qt::ControlModifier);
    // The scroll bars the zoom brought go once it is undone, resizing the view: the chart stays whole.
    const auto fits = [dock] {
        const QRect fitted = dock->chart()->mapFromScene(dock->chart()->sceneRect()).boundingRect();
        return dock->chart()->viewport()->rect().adjusted(-2, -2, 2, 2).contains(fitted);
    };
    QTRY_VERIFY2(fits(), "Ctrl+0 fits the chart");

    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("chart.png"));
    const QString svg = dir.filePath(QStringLiteral("chart.svg"));
    QVERIFY(dock->exportPng(png));
    QVERIFY(dock->exportSvg(svg));
    QImage image(png);
    QVERIFY(image.width() > 400);
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray svgText = svgFile.readAll();
    QVERIFY(svgText.contains("<svg"));
    QVERIFY(svgText.contains("Business"));

    // For the user guide: a staffed SEV-1 with the business tree and a sub-team.
    const QString shots = qEnvironmentVariable("CP_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        const qint64 eve = f.addPerson(QStringLiteral("Eve Santos"), QStringLiteral("eve"));
        const qint64 fay = f.addPerson(QStringLiteral("Fay Ito"), QStringLiteral("fay"));
        const qint64 gus = f.addPerson(QStringLiteral("Gus Meyer"), QStringLiteral("gus"));
        f.store->roles().assign(s.incident, QStringLiteral("deputy"), s.bo, QStringLiteral("ana"));
        f.store->roles().assign(s.incident, QStringLiteral("scribe"), s.cy, QStringLiteral("ana"));
        f.store->roles().assign(s.incident, QStringLiteral("sme"), s.dee, QStringLiteral("ana"));
        f.store->roles().assign(s.incident, QStringLiteral("sme"), eve, QStringLiteral("ana"));
        f.store->roles().assign(s.incident, QStringLiteral("business-lead"), fay, QStringLiteral("ana"));
        f.store->roles().assign(s.incident, QStringLiteral("alpha-lead"), gus, QStringLiteral("ana"));
        w.resize(1600, 960);
        w.timelineDock()->hide();
        w.resizeDocks({dock, w.rosterDock()}, {720, 170}, Qt::Vertical);
        QTRY_VERIFY(!holders(dock, QStringLiteral("alpha-lead")).isEmpty());
        dock->chart()->zoomToFit();
        QCoreApplication::processEvents();
        QVERIFY(w.grab().save(QDir(shots).filePath(QStringLiteral("role-chart.png"))));
        dock->exportPng(QDir(shots).filePath(QStringLiteral("role-chart-export.png")));
    }
}

void TstRolesUi::newIncidentDialogDeclaresWithTheTemplate()
{
    UiFixture f;
    MainWindow &w = f.makeWindow();
    w.incidentActions()->newIncident();
    auto *dialog = f.dialog<NewIncidentDialog>();
    QVERIFY(dialog);
    auto *templates = dialog->findChild<QComboBox *>(QStringLiteral("incidentTemplate"));
    QCOMPARE(templates->currentData().toString(), QStringLiteral("technical-response"));
    auto *business = dialog->findChild<QCheckBox *>(QStringLiteral("incidentBusinessResponse"));
    QVERIFY(!business->isVisible());
    auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("incidentKind"));
    kind->setCurrentIndex(kind->findData(static_cast<int>(IncidentKind::Business)));
    QVERIFY(business->isVisible());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("incidentTitle")), QStringLiteral("Bad prices"));
    QTest::keyClick(dialog->findChild<QLineEdit *>(QStringLiteral("incidentTitle")), Qt::Key_Return);
    QTRY_VERIFY(w.currentIncidentId() > 0);
    auto roles = f.store->roles().list(w.currentIncidentId());
    QVERIFY(roles);
    QStringList keys;
    for (const IncidentRole &role : *roles)
        keys << role.definition.key;
    QVERIFY(keys.contains(QStringLiteral("ic")));
    QVERIFY(keys.contains(QStringLiteral("business-lead")));
    QTRY_VERIFY(w.roleChartDock()->chart()->card(QStringLiteral("business-lead")));
}

void TstRolesUi::rosterFiltersAndImportErrorChangesNothing()
{
    UiFixture f;
    prepare(f);
    MainWindow &w = f.makeWindow();
    RosterDock *roster = w.rosterDock();
    QCOMPARE(roster->objectName(), QStringLiteral("rosterDock"));
    QTRY_COMPARE(roster->people()->rowCount(), 4);
    QTest::keyClicks(roster->filterEdit(), QStringLiteral("okaf"));
    QTRY_COMPARE(roster->filteredPeople()->rowCount(), 1);
    roster->filterEdit()->clear();

    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.csv"));
    {
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("name,handle,team\nEve Santos,eve,SRE\n,nohandle-name-missing,SRE\n");
    }
    QString error;
    QVERIFY(!roster->importFile(bad, &error));
    QVERIFY2(error.contains(QStringLiteral("3")), qPrintable(error));
    QVERIFY(roster->lastMessage().contains(QStringLiteral("Nothing imported")));
    QCOMPARE(f.store->roster().people()->size(), 4);
    QCOMPARE(roster->people()->rowCount(), 4);

    const QString good = dir.filePath(QStringLiteral("departments.csv"));
    {
        QFile file(good);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("key,name,primary_contact,oncall_rotation,escalation_path\n"
                   "engineering,Engineering,Ana Lima,weekly SRE rotation,SRE lead → CTO\n");
    }
    QVERIFY(roster->importFile(good, &error));
    QTRY_COMPARE(roster->departmentsView()->rowCount(), 1);
    QCOMPARE(roster->departmentsView()->item(0, 2)->text(), QStringLiteral("weekly SRE rotation"));
    QVERIFY(w.findChild<QAction *>(QStringLiteral("importRosterAction")));
}

void TstRolesUi::templateEditorValidatesBeforeSaving()
{
    QTemporaryDir dir;
    RoleTemplateLibrary library(dir.path());
    library.reload();
    TemplateEditorDialog dialog(library);
    dialog.show();
    dialog.selectTemplate(QStringLiteral("technical-response"));
    QVERIFY(dialog.currentTemplate().builtIn);
    QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("roleTitleEdit"))->isEnabled());
    QVERIFY(!dialog.duplicateAs(QStringLiteral("technical-response"), QStringLiteral("Again")));
    QVERIFY(dialog.duplicateAs(QStringLiteral("my-response"), QStringLiteral("My response")));
    QCOMPARE(dialog.currentTemplate().key, QStringLiteral("my-response"));
    QVERIFY(!dialog.currentTemplate().builtIn);

    // A role without a title is refused and nothing is written over the saved copy.
    dialog.addRole();
    auto *title = dialog.findChild<QLineEdit *>(QStringLiteral("roleTitleEdit"));
    QVERIFY(title->isEnabled());
    title->clear();
    QVERIFY(!dialog.save());
    QVERIFY2(dialog.errorText().startsWith(QStringLiteral("Not saved")), qPrintable(dialog.errorText()));
    QVERIFY(library.find(QStringLiteral("my-response"))->roles.size() < dialog.currentTemplate().roles.size());

    QTest::keyClicks(title, QStringLiteral("Database SME"));
    dialog.findChild<QLineEdit *>(QStringLiteral("roleKeyEdit"))->setText(QStringLiteral("db-sme"));
    auto *parent = dialog.findChild<QComboBox *>(QStringLiteral("roleParentCombo"));
    parent->setCurrentIndex(parent->findData(QStringLiteral("sme")));
    dialog.findChild<QPlainTextEdit *>(QStringLiteral("roleResponsibilitiesEdit"))
        ->setPlainText(QStringLiteral("Watch replication lag\nReport to the IC"));
    QVERIFY2(dialog.save(), qPrintable(dialog.errorText()));
    library.reload();
    const auto saved = library.find(QStringLiteral("my-response"));
    QVERIFY(saved);
    const RoleDefinition *db = saved->role(QStringLiteral("db-sme"));
    QVERIFY(db);
    QCOMPARE(db->parentKey, QStringLiteral("sme"));
    QCOMPARE(db->responsibilities.size(), 2);
}

void TstRolesUi::docksAreInTheViewMenu()
{
    UiFixture f;
    MainWindow &w = f.makeWindow();
    QStringList names;
    for (QDockWidget *dock : w.docks())
        names << dock->objectName();
    QVERIFY(names.contains(QStringLiteral("roleChartDock")));
    QVERIFY(names.contains(QStringLiteral("rosterDock")));
    auto *view = w.findChild<QMenu *>(QStringLiteral("viewMenu"));
    QVERIFY(view->actions().contains(w.roleChartDock()->toggleViewAction()));
    QVERIFY(view->actions().contains(w.rosterDock()->toggleViewAction()));
    auto *roles = w.findChild<QMenu *>(QStringLiteral("rolesMenu"));
    QVERIFY(roles->actions().contains(w.roleChartDock()->assignAction()));
    QVERIFY(!w.roleChartDock()->assignAction()->isEnabled()); // no incident yet
}

QTEST_MAIN(TstRolesUi)
#include "tst_rolesui.moc"
