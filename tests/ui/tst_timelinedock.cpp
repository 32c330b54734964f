// The timeline dock: the Scribe's quick entry, failures that keep the text, the filter row,
// and amend / retract / undo through the incident's undo stack.

#include "dialogs/amendentrydialog.h"
#include "dialogs/entryhistorydialog.h"
#include "dialogs/newincidentdialog.h"
#include "docks/timelinedock.h"
#include "models/timelinemodel.h"
#include "uifixture.h"
#include "widgets/kindstyle.h"
#include "widgets/quickentryedit.h"
#include "window/incidentactions.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using namespace cp;
using namespace cp::test;

namespace {

QList<TimelineEntry> storedEntries(const UiFixture &f, qint64 incidentId)
{
    // A second store on the same file: what is really in the database.
    StoreSession::Options options;
    options.mode = StoreSession::OpenMode::ReadOnly;
    const auto reader = f.openAnother(options);
    if (!reader)
        return {};
    TimelinePage page;
    page.incidentId = incidentId;
    page.limit = 1000;
    auto entries = reader->timeline().entries(page);
    return entries ? *entries : QList<TimelineEntry>();
}

} // namespace

class TstTimelineDock : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void quickEntryLogsWhatTheScribeTypes();
    void parseErrorKeepsTheLine();
    void failedWriteKeepsTheTextAndShowsTheError();
    void kindShortcutsPickTheDefaultKind();
    void authorIsRemembered();
    void authorStartsAsTheUsersRosterPerson();
    void upRecallsEarlierLines();
    void returnInTheLineLogsWhateverTheWindowBindsItTo();
    void undoingALoggedEntryRetractsIt();
    void amendThroughTheDialogAndUndo();
    void retractAndRestoreFromTheUndoStack();
    void keyEventToggle();
    void historyShowsEveryRevision();
    void filterRowNarrowsTheView();
    void authorsAreReadWhenTheFilterIsFirstUsed();
    void delegatePaintsEveryKindOfRow();
    void aLongTimelineShowsOnePageUntilScrolledToTheEnd();
};

void TstTimelineDock::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TstTimelineDock::quickEntryLogsWhatTheScribeTypes()
{
    UiFixture f;
    MainWindow &w = f.makeWindow();
    // Declared through the window, as a user would.
    w.incidentActions()->newIncident();
    auto *dialog = f.dialog<NewIncidentDialog>();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("incidentTitle")), QStringLiteral("Events stuck"));
    dialog->accept();
    const qint64 incident = w.currentIncidentId();
    QVERIFY(incident > 0);
    // The declaration, its role structure and the default timers of its severity.
    const int declared = int(storedEntries(f, incident).size());
    QVERIFY(declared >= 1);

    auto *line = w.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
    QVERIFY(line);
    QVERIFY(line->isVisible());
    auto *view = w.findChild<QTreeView *>(QStringLiteral("timelineView"));
    QVERIFY(view);
    QAbstractItemModel *model = view->model();

    f.clock.advanceSecs(600); // 14:10
    QTest::keyClicks(line, QStringLiteral("a: restarting app stack"));
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(line->text(), QString());
    f.clock.advanceSecs(60); // 14:11
    QTest::keyClicks(line, QStringLiteral("@-5m d: roll back"));
    QTest::keyClick(line, Qt::Key_Return);
    f.clock.advanceSecs(60); // 14:12
    QTest::keyClicks(line, QStringLiteral("TODO: why no page?"));
    QTest::keyClick(line, Qt::Key_Enter);

    // Newest first: the TODO, the action, the backfilled decision (14:06), the declaration.
    QTRY_COMPARE(model->rowCount(), declared + 3);
    auto text = [&](int row) { return model->index(row, TimelineModel::TextColumn).data().toString(); };
    QCOMPARE(text(0), QStringLiteral("TODO: why no page?"));
    QCOMPARE(text(1), QStringLiteral("restarting app stack"));
    QCOMPARE(text(2), QStringLiteral("roll back"));
    QCOMPARE(model->index(0, 0).data(TimelineModel::KindRole).toInt(), static_cast<int>(EntryKind::Callout));
    QCOMPARE(model->index(1, 0).data(TimelineModel::KindRole).toInt(), static_cast<int>(EntryKind::Action));
    QCOMPARE(model->index(2, 0).data(TimelineModel::KindRole).toInt(), static_cast<int>(EntryKind::Decision));
    QVERIFY(model->index(2, 0).data(TimelineModel::BackfilledRole).toBool());
    QVERIFY(!model->index(1, 0).data(TimelineModel::BackfilledRole).toBool());
    QCOMPARE(model->index(1, TimelineModel::AuthorColumn).data().toString(), QStringLiteral("ana"));

    // In the database, read through another connection.
    const QList<TimelineEntry> stored = storedEntries(f, incident);
    QCOMPARE(stored.size(), declared + 3);
    QCOMPARE(stored.at(0).text, QStringLiteral("TODO: why no page?"));
    QVERIFY(stored.at(0).tags.contains(QStringLiteral("followup")));
    QCOMPARE(stored.at(2).kind, EntryKind::Decision);
    QCOMPARE(stored.at(2).occurredAt, QDateTime(QDate(2026, 11, 22), QTime(14, 6), Qt::UTC));
    QCOMPARE(stored.at(2).capturedAt, QDateTime(QDate(2026, 11, 22), QTime(14, 11), Qt::UTC));

    auto *feedback = w.findChild<QLabel *>(QStringLiteral("quickEntryFeedback"));
    QVERIFY(feedback->text().startsWith(QStringLiteral("Saved ")));
    QVERIFY(w.findChild<QLabel *>(QStringLiteral("saveIndicator"))->text().startsWith(QStringLiteral("Saved ")));
    // The newest entry is selected, ready for F2 (amend) or Ctrl+Shift+S (key event).
    QCOMPARE(w.timelineDock()->currentEntry()->text, QStringLiteral("TODO: why no page?"));
}

void TstTimelineDock::parseErrorKeepsTheLine()
{
    UiFixture f;
    const qint64 id = f.declare(QStringLiteral("Parse"));
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));
    auto *line = w.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
    QTest::keyClicks(line, QStringLiteral("@25:99 a: too late"));
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(line->text(), QStringLiteral("@25:99 a: too late"));
    QVERIFY(!w.findChild<QLabel *>(QStringLiteral("quickEntryFeedback"))->text().isEmpty());
    QCOMPARE(w.timelineDock()->model()->rowCount(), 1);
    QCOMPARE(w.undoStack()->count(), 0);
}

void TstTimelineDock::failedWriteKeepsTheTextAndShowsTheError()
{
    UiFixture f(/*busyTimeoutMs=*/150);
    const qint64 id = f.declare(QStringLiteral("Locked out"));
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));

    // Another writer holds the write lock past our busy timeout.
    {
        QSqlDatabase blocker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("blocker"));
        blocker.setDatabaseName(f.db.path());
        QVERIFY(blocker.open());
        QSqlQuery begin(blocker);
        QVERIFY2(begin.exec(QStringLiteral("BEGIN IMMEDIATE")), qPrintable(begin.lastError().text()));

        auto *line = w.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
        QTest::keyClicks(line, QStringLiteral("s: checkout recovering, next check-in 14:20"));
        QTest::keyClick(line, Qt::Key_Return);

        QCOMPARE(line->text(), QStringLiteral("s: checkout recovering, next check-in 14:20"));
        auto *feedback = w.findChild<QLabel *>(QStringLiteral("quickEntryFeedback"));
        QVERIFY2(feedback->text().startsWith(QStringLiteral("Not saved")), qPrintable(feedback->text()));
        QVERIFY(feedback->text().contains(QStringLiteral("locked")));
        QCOMPARE(feedback->palette().color(QPalette::WindowText), QColor(0xc6, 0x28, 0x28));
        auto *indicator = w.findChild<QLabel *>(QStringLiteral("saveIndicator"));
        QVERIFY(indicator->text().startsWith(QStringLiteral("Not saved")));
        QVERIFY(indicator->styleSheet().contains(KindStyle::errorColor().name()));
        QCOMPARE(w.undoStack()->count(), 0);
        QCOMPARE(storedEntries(f, id).size(), 1);

        // The other writer finishes; Enter again saves the very same text, once.
        QVERIFY(blocker.rollback());
        blocker.close();
        QTest::keyClick(line, Qt::Key_Return);
        QCOMPARE(line->text(), QString());
        QVERIFY(indicator->text().startsWith(QStringLiteral("Saved")));
        QVERIFY(indicator->styleSheet().contains(KindStyle::savedColor().name()));
        QVERIFY(feedback->text().startsWith(QStringLiteral("Saved")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("blocker"));
    const QList<TimelineEntry> stored = storedEntries(f, id);
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0).text, QStringLiteral("checkout recovering, next check-in 14:20"));
    QCOMPARE(stored.at(0).kind, EntryKind::Status);
}

void TstTimelineDock::kindShortcutsPickTheDefaultKind()
{
    UiFixture f;
    MainWindow *window = f.activeWindowOn(QStringLiteral("Kinds"));
    QVERIFY(window);
    MainWindow &w = *window;
    auto *line = w.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
    line->setFocus();
    QTest::keyClick(line, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(w.timelineDock()->entryKind(), EntryKind::Decision);
    QCOMPARE(w.findChild<QComboBox *>(QStringLiteral("quickEntryKind"))->currentText(), QStringLiteral("Decision"));
    QTest::keyClicks(line, QStringLiteral("keep the old cluster warm"));
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(storedEntries(f, w.currentIncidentId()).at(0).kind, EntryKind::Decision);
    // A prefix still wins over the chosen kind.
    QTest::keyClicks(line, QStringLiteral("c: DB SME to join"));
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(storedEntries(f, w.currentIncidentId()).at(0).kind, EntryKind::Callout);
    QCOMPARE(f.preferences->defaultEntryKind(), EntryKind::Decision);
}

void TstTimelineDock::authorIsRemembered()
{
    UiFixture f;
    const qint64 id = f.declare(QStringLiteral("Authors"));
    {
        MainWindow &w = f.makeWindow();
        QVERIFY(w.openIncident(id));
        auto *author = w.findChild<QLineEdit *>(QStringLiteral("quickEntryAuthor"));
        QCOMPARE(author->text(), QStringLiteral("ana"));
        author->clear();
        QTest::keyClicks(author, QStringLiteral("cy"));
        auto *line = w.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
        QTest::keyClicks(line, QStringLiteral("n: scribe change"));
        QTest::keyClick(line, Qt::Key_Return);
        QCOMPARE(storedEntries(f, id).at(0).author, QStringLiteral("cy"));
    }
    QCOMPARE(f.preferences->authorName(), QStringLiteral("cy"));
    MainWindow &again = f.makeWindow();
    QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("quickEntryAuthor"))->text(), QStringLiteral("cy"));
}

void TstTimelineDock::authorStartsAsTheUsersRosterPerson()
{
    const QByteArray login = qgetenv("USER");
    qputenv("USER", "Ana Lima");
    UiFixture f;
    f.settings->remove(QStringLiteral("preferences/authorName")); // nobody has said who they are
    QVERIFY(!f.preferences->hasChosenAuthor());
    QVERIFY(f.preferences->authorName() != QLatin1String("Scribe"));
    QVERIFY(f.addPerson(QStringLiteral("Ana Lima"), QStringLiteral("ana")));
    const qint64 incident = f.declare(QStringLiteral("Who logs"));
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(incident));
    auto *author = w.findChild<QLineEdit *>(QStringLiteral("quickEntryAuthor"));
    QCOMPARE(author->text(), QStringLiteral("ana")); // the login is Ana Lima on the roster: her handle
    QCOMPARE(f.preferences->authorName(), QStringLiteral("ana"));
    QVERIFY(f.preferences->hasChosenAuthor());
    auto *line = w.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
    QTest::keyClicks(line, QStringLiteral("paged the edge team"));
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(w.timelineDock()->currentEntry()->author, QStringLiteral("ana"));

    // A login nobody on the roster has: the line asks who is typing, and the answer is kept.
    qputenv("USER", "root");
    f.settings->remove(QStringLiteral("preferences/authorName"));
    QVERIFY(w.openIncident(incident));
    const auto *feedback = w.findChild<QLabel *>(QStringLiteral("quickEntryFeedback"));
    QVERIFY2(feedback->text().startsWith(QStringLiteral("Who are you?")), qPrintable(feedback->text()));
    author->setText(QStringLiteral("ana"));
    QTest::keyClicks(line, QStringLiteral("restarting the consumers"));
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(w.timelineDock()->currentEntry()->author, QStringLiteral("ana"));
    QCOMPARE(f.preferences->authorName(), QStringLiteral("ana"));
    qputenv("USER", login);
}

void TstTimelineDock::upRecallsEarlierLines()
{
    UiFixture f;
    const qint64 id = f.declare(QStringLiteral("History"));
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));
    auto *line = w.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
    for (const QString &typed : {QStringLiteral("first"), QStringLiteral("second")}) {
        QTest::keyClicks(line, typed);
        QTest::keyClick(line, Qt::Key_Return);
    }
    QTest::keyClicks(line, QStringLiteral("draft"));
    QTest::keyClick(line, Qt::Key_Up);
    QCOMPARE(line->text(), QStringLiteral("second"));
    QTest::keyClick(line, Qt::Key_Up);
    QCOMPARE(line->text(), QStringLiteral("first"));
    QTest::keyClick(line, Qt::Key_Down);
    QTest::keyClick(line, Qt::Key_Down);
    QCOMPARE(line->text(), QStringLiteral("draft"));
}

void TstTimelineDock::returnInTheLineLogsWhateverTheWindowBindsItTo()
{
    UiFixture f;
    MainWindow *window = f.activeWindowOn(QStringLiteral("Bound keys"));
    QVERIFY(window);
    MainWindow &w = *window;
    // A window-wide Return and Enter, as a later action or a key map could bind them: in the
    // quick entry line the keys still log the line.
    auto *elsewhere = new QAction(QStringLiteral("Elsewhere"), &w);
    elsewhere->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    w.addAction(elsewhere);
    int triggered = 0;
    connect(elsewhere, &QAction::triggered, this, [&] { ++triggered; });
    auto *line = w.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
    QVERIFY(line);
    line->setFocus();
    QTest::keyClicks(line, QStringLiteral("first"));
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(line->text(), QString());
    QTest::keyClicks(line, QStringLiteral("second"));
    QTest::keyClick(line, Qt::Key_Enter, Qt::KeypadModifier);
    QCOMPARE(line->text(), QString());
    QCOMPARE(triggered, 0);
    QCOMPARE(line->history(), QStringList({QStringLiteral("first"), QStringLiteral("second")}));
    // With a modifier the key is not the line's: the window's binding of Ctrl+Return still wins.
    elsewhere->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    QTest::keyClicks(line, QStringLiteral("third"));
    QTest::keyClick(line, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(triggered, 1);
    QCOMPARE(line->text(), QStringLiteral("third"));
}

void TstTimelineDock::undoingALoggedEntryRetractsIt()
{
    UiFixture f;
    const qint64 id = f.declare(QStringLiteral("Undo log"));
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));
    auto *line = w.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
    QTest::keyClicks(line, QStringLiteral("a: wrong incident, oops"));
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(w.undoStack()->count(), 1);
    QVERIFY(w.undoStack()->undoText().contains(QStringLiteral("wrong incident")));

    w.findChild<QAction *>(QStringLiteral("undoAction"))->trigger();
    // Append-only: the entry is still there, struck out.
    QList<TimelineEntry> stored = storedEntries(f, id);
    QCOMPARE(stored.size(), 2);
    QVERIFY(stored.at(0).retracted);
    TimelineModel *model = w.timelineDock()->model();
    QVERIFY(model->index(0, 0).data(TimelineModel::RetractedRole).toBool());

    w.findChild<QAction *>(QStringLiteral("redoAction"))->trigger();
    QVERIFY(!storedEntries(f, id).at(0).retracted);
    QVERIFY(!model->index(0, 0).data(TimelineModel::RetractedRole).toBool());
}

void TstTimelineDock::amendThroughTheDialogAndUndo()
{
    UiFixture f;
    const qint64 id = f.declare(QStringLiteral("Amend"));
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));
    f.clock.advanceSecs(300);
    auto *line = w.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
    QTest::keyClicks(line, QStringLiteral("d: roll back to 4.2"));
    QTest::keyClick(line, Qt::Key_Return);
    const qint64 entryId = storedEntries(f, id).at(0).id;

    TimelineDock *dock = w.timelineDock();
    dock->selectEntry(entryId);
    QVERIFY(dock->amendAction()->isEnabled());
    dock->amendAction()->trigger();
    auto *dialog = f.dialog<AmendEntryDialog>();
    QVERIFY(dialog);
    dialog->setText(QStringLiteral("roll back to 4.2.1"));
    dialog->setOccurredAt(QDateTime(QDate(2026, 11, 22), QTime(14, 2), Qt::UTC));
    dialog->setKeyEvent(true);
    dialog->accept();

    auto amended = f.store->timeline().entry(entryId);
    QCOMPARE(amended->text, QStringLiteral("roll back to 4.2.1"));
    QCOMPARE(amended->occurredAt, QDateTime(QDate(2026, 11, 22), QTime(14, 2), Qt::UTC));
    QVERIFY(amended->keyEvent);
    QCOMPARE(amended->revision, 1);
    TimelineModel *model = dock->model();
    const int row = model->rowOfEntry(entryId);
    QVERIFY(row >= 0);
    QCOMPARE(model->index(row, TimelineModel::TextColumn).data().toString(), QStringLiteral("roll back to 4.2.1"));
    QVERIFY(model->index(row, 0).data(TimelineModel::BackfilledRole).toBool());

    w.undoStack()->undo();
    auto undone = f.store->timeline().entry(entryId);
    QCOMPARE(undone->text, QStringLiteral("roll back to 4.2"));
    QVERIFY(!undone->keyEvent);
    QCOMPARE(undone->occurredAt, QDateTime(QDate(2026, 11, 22), QTime(14, 5), Qt::UTC));
    QCOMPARE(undone->revision, 2); // an undo is a new amendment, never a rewrite
    QCOMPARE(model->index(model->rowOfEntry(entryId), TimelineModel::TextColumn).data().toString(),
             QStringLiteral("roll back to 4.2"));
}

void TstTimelineDock::retractAndRestoreFromTheUndoStack()
{
    UiFixture f;
    const qint64 id = f.declare(QStringLiteral("Retract"));
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));
    auto *line = w.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
    QTest::keyClicks(line, QStringLiteral("a: failing over to us-east"));
    QTest::keyClick(line, Qt::Key_Return);
    const qint64 entryId = storedEntries(f, id).at(0).id;
    TimelineDock *dock = w.timelineDock();
    dock->selectEntry(entryId);

    // Delete on the focused view retracts.
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    dock->view()->setFocus();
    QTest::keyClick(dock->view(), Qt::Key_Delete);
    QVERIFY(f.store->timeline().entry(entryId)->retracted);
    QCOMPARE(dock->retractAction()->text(), QStringLiteral("&Restore entry"));
    QCOMPARE(w.undoStack()->count(), 2);

    w.undoStack()->undo();
    QVERIFY(!f.store->timeline().entry(entryId)->retracted);
    QCOMPARE(dock->retractAction()->text(), QStringLiteral("&Retract entry"));
    w.undoStack()->redo();
    QVERIFY(f.store->timeline().entry(entryId)->retracted);
    // Restore through the action, too.
    dock->retractAction()->trigger();
    QVERIFY(!f.store->timeline().entry(entryId)->retracted);
}

void TstTimelineDock::keyEventToggle()
{
    UiFixture f;
    const qint64 id = f.declare(QStringLiteral("Key"));
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));
    auto *line = w.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
    QTest::keyClicks(line, QStringLiteral("!s: impact confirmed: 30% of checkouts"));
    QTest::keyClick(line, Qt::Key_Return);
    const TimelineEntry logged = storedEntries(f, id).at(0);
    QVERIFY(logged.keyEvent);
    QCOMPARE(w.timelineDock()->currentEntry()->id, logged.id);
    QVERIFY(w.timelineDock()->keyEventAction()->isChecked());
    w.timelineDock()->keyEventAction()->trigger();
    QVERIFY(!f.store->timeline().entry(logged.id)->keyEvent);
    QVERIFY(!w.timelineDock()->keyEventAction()->isChecked());
}

void TstTimelineDock::historyShowsEveryRevision()
{
    UiFixture f;
    const qint64 id = f.declare(QStringLiteral("History"));
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));
    auto *line = w.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
    QTest::keyClicks(line, QStringLiteral("a: page the DB SME"));
    QTest::keyClick(line, Qt::Key_Return);
    const qint64 entryId = storedEntries(f, id).at(0).id;
    w.timelineDock()->retractAction()->trigger();
    w.timelineDock()->retractAction()->trigger();
    w.timelineDock()->historyAction()->trigger();
    auto *dialog = f.dialog<EntryHistoryDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->revisionCount(), 3);
    QCOMPARE(f.store->timeline().history(entryId)->size(), 3);
    dialog->reject();
}

namespace {

// As a user reaches for the author filter (a click or Tab gives it focus before its list opens).
QComboBox *focusAuthorFilter(MainWindow &w)
{
    auto *authorFilter = w.findChild<QComboBox *>(QStringLiteral("timelineFilterAuthor"));
    w.activateWindow();
    if (!QTest::qWaitForWindowActive(&w))
        return nullptr;
    authorFilter->setFocus(Qt::TabFocusReason);
    return authorFilter->hasFocus() ? authorFilter : nullptr;
}

} // namespace

void TstTimelineDock::filterRowNarrowsTheView()
{
    UiFixture f;
    const qint64 id = f.declare(QStringLiteral("Filter"));
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));
    auto *line = w.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
    auto *author = w.findChild<QLineEdit *>(QStringLiteral("quickEntryAuthor"));
    const QList<QPair<QString, QString>> lines{{QStringLiteral("ana"), QStringLiteral("a: restart the consumer")},
                                               {QStringLiteral("bo"), QStringLiteral("d: no rollback yet")},
                                               {QStringLiteral("bo"), QStringLiteral("!s: consumer restarted")}};
    for (const auto &[who, text] : lines) {
        author->setText(who);
        QTest::keyClicks(line, text);
        QTest::keyClick(line, Qt::Key_Return);
    }
    TimelineModel *model = w.timelineDock()->model();
    QCOMPARE(model->rowCount(), 4);

    QTest::keyClicks(w.findChild<QLineEdit *>(QStringLiteral("timelineFilterText")), QStringLiteral("consumer"));
    QTRY_COMPARE(model->rowCount(), 2);

    auto *authorFilter = w.findChild<QComboBox *>(QStringLiteral("timelineFilterAuthor"));
    focusAuthorFilter(w);
    authorFilter->setCurrentIndex(authorFilter->findData(QStringLiteral("bo")));
    QTRY_COMPARE(model->filter().author, QStringLiteral("bo"));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->entryAt(0).text, QStringLiteral("consumer restarted"));

    w.findChild<QLineEdit *>(QStringLiteral("timelineFilterText"))->clear();
    auto *kindFilter = w.findChild<QComboBox *>(QStringLiteral("timelineFilterKind"));
    kindFilter->setCurrentIndex(kindFilter->findData(static_cast<int>(EntryKind::Decision)));
    QTRY_COMPARE(model->filter().kinds, QList<EntryKind>{EntryKind::Decision});
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->entryAt(0).text, QStringLiteral("no rollback yet"));

    // Hiding kinds: everything but what CommandPost logs by itself (the declaration is a system entry).
    authorFilter->setCurrentIndex(0);
    kindFilter->setCurrentIndex(kindFilter->findText(QStringLiteral("All but timers and system")));
    QTRY_VERIFY(model->filter().kinds.size() > 1 && !model->filter().kinds.contains(EntryKind::System));
    QVERIFY(!model->filter().kinds.contains(EntryKind::Timer));
    QVERIFY(model->filter().kinds.contains(EntryKind::Decision));
    QCOMPARE(model->rowCount(), 3);
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY(model->entryAt(row).kind != EntryKind::System);

    kindFilter->setCurrentIndex(0);
    w.findChild<QToolButton *>(QStringLiteral("timelineKeyOnly"))->setChecked(true);
    QTRY_VERIFY(model->filter().keyEventsOnly);
    QCOMPARE(model->filter().author, QString());
    QCOMPARE(model->rowCount(), 2); // the declaration and the status report

    // A new entry that matches the filter appears; one that does not stays out.
    QTest::keyClicks(line, QStringLiteral("n: not key"));
    QTest::keyClick(line, Qt::Key_Return);
    QTest::keyClicks(line, QStringLiteral("!n: key"));
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(model->rowCount(), 3);
}

// Listing a timeline's authors reads all of it: the window shows without that and reads it when
// the author filter or the author field is first used; from then on new authors join the list.
void TstTimelineDock::authorsAreReadWhenTheFilterIsFirstUsed()
{
    UiFixture f;
    const qint64 id = f.declare(QStringLiteral("Authors"));
    for (const QString &who : {QStringLiteral("bo"), QStringLiteral("cy")})
        QVERIFY(f.store->timeline().append(NewEntry{id, EntryKind::Note, who, QStringLiteral("on the bridge")}).ok());
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));
    auto *authorFilter = w.findChild<QComboBox *>(QStringLiteral("timelineFilterAuthor"));
    QCOMPARE(authorFilter->count(), 1); // "Anyone": nothing read yet
    QCOMPARE(authorFilter->currentIndex(), 0);

    QCOMPARE(focusAuthorFilter(w), authorFilter);
    QVERIFY(authorFilter->findData(QStringLiteral("bo")) > 0);
    QVERIFY(authorFilter->findData(QStringLiteral("cy")) > 0);
    QCOMPARE(authorFilter->currentIndex(), 0);

    auto *line = w.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
    w.findChild<QLineEdit *>(QStringLiteral("quickEntryAuthor"))->setText(QStringLiteral("dee"));
    QTest::keyClicks(line, QStringLiteral("s: stable"));
    QTest::keyClick(line, Qt::Key_Return);
    QTRY_VERIFY(authorFilter->findData(QStringLiteral("dee")) > 0);
    auto *completer = w.findChild<QLineEdit *>(QStringLiteral("quickEntryAuthor"))->completer();
    QVERIFY(completer->model()
                ->match(completer->model()->index(0, 0), Qt::DisplayRole, QStringLiteral("dee"), 1, Qt::MatchExactly)
                .size() == 1);
}

void TstTimelineDock::delegatePaintsEveryKindOfRow()
{
    UiFixture f;
    const qint64 id = f.declare(QStringLiteral("Paint"), Severity::Sev1);
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));
    f.clock.advanceSecs(900);
    auto *line = w.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
    for (const QString &text : {QStringLiteral("!a: key action"), QStringLiteral("@-10m s: backfilled status"),
                                QStringLiteral("c: to retract"), QStringLiteral("m: comms")}) {
        QTest::keyClicks(line, text);
        QTest::keyClick(line, Qt::Key_Return);
    }
    w.timelineDock()->retractAction()->trigger();
    QTreeView *view = w.timelineDock()->view();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QImage image = view->viewport()->grab().toImage();
    QVERIFY(!image.isNull());
    // The kind chip of the first row is painted in the kind's colour, not left blank.
    const QRect chip = view->visualRect(view->model()->index(1, TimelineModel::KindColumn));
    bool coloured = false;
    for (int x = chip.left(); x < chip.right() && !coloured; ++x) {
        const QColor c = image.pixelColor(x, chip.center().y());
        coloured = c.saturation() > 80;
    }
    QVERIFY(coloured);
}

void TstTimelineDock::aLongTimelineShowsOnePageUntilScrolledToTheEnd()
{
    UiFixture f;
    const qint64 id = f.declare(QStringLiteral("Long"));
    for (int i = 0; i < 300; ++i)
        QVERIFY(
            f.store->timeline().append(NewEntry{id, EntryKind::Note, QStringLiteral("bo"), QString::number(i)}).ok());
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    TimelineModel *model = w.timelineDock()->model();
    QTreeView *view = w.timelineDock()->view();
    // Laid out and painted with the first page, which more than fills the view: no second read.
    QTRY_VERIFY(view->visualRect(model->index(0, 0)).isValid());
    QCOMPARE(model->rowCount(), 256);
    QVERIFY(model->canFetchMore({}));
    // The rest comes when the user reaches the end.
    view->scrollToBottom();
    QTRY_COMPARE(model->rowCount(), int(storedEntries(f, id).size())); // the 300 and the declaration
}

QTEST_MAIN(TstTimelineDock)
#include "tst_timelinedock.moc"
