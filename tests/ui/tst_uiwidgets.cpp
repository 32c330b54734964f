// The small parts of the GUI on their own: preferences, undo commands, dialogs' results.

#include "db/incidentstore.h"
#include "dialogs/amendentrydialog.h"
#include "fakeclock.h"
#include "preferences.h"
#include "storefixture.h"
#include "tempdatabase.h"
#include "undo/savestatus.h"
#include "undo/storecommands.h"
#include "widgets/accessiblename.h"
#include "widgets/kindstyle.h"

#include <QAbstractItemView>
#include <QAccessible>
#include <QComboBox>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using namespace cp;
using namespace cp::test;

class TstUiWidgets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void preferencesHaveDefaults();
    void theSameAuthorIsNotWrittenAgain();
    void preferencesRejectNonManualKinds();
    void commandThatFailsIsNotPushed();
    void undoThatFailsLeavesTheStack();
    void amendDialogReportsOnlyChanges();
    void everyKindHasItsOwnColour();
    void aDropDownsPopupListIsNamedWhenMade();
};

void TstUiWidgets::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TstUiWidgets::aDropDownsPopupListIsNamedWhenMade()
{
    const auto popupList = [](QComboBox &combo) { return combo.findChild<QAbstractItemView *>(); };
    // Opened: the list is made then, named with the drop-down.
    QComboBox opened;
    opened.addItems({QStringLiteral("SEV-1"), QStringLiteral("SEV-2")});
    setAccessibleLabel(&opened, QStringLiteral("Severity"));
    QVERIFY(!popupList(opened)); // naming the drop-down made no popup
    opened.show();
    QVERIFY(QTest::qWaitForWindowExposed(&opened));
    opened.showPopup();
    QVERIFY(popupList(opened));
    QCOMPARE(popupList(opened)->accessibleName(), QStringLiteral("Severity"));
    opened.hidePopup();

    // Reached by assistive technology through the drop-down: its one child is the named list.
    QComboBox walked;
    walked.addItem(QStringLiteral("Note"));
    setAccessibleLabel(&walked, QStringLiteral("Kind"));
    QAccessibleInterface *combo = QAccessible::queryAccessibleInterface(&walked);
    QVERIFY(combo);
    QAccessibleInterface *list = combo->child(0);
    QVERIFY(list);
    QCOMPARE(list->object(), popupList(walked));
    QCOMPARE(popupList(walked)->accessibleName(), QStringLiteral("Kind"));
    QCOMPARE(combo->indexOfChild(list), 0);

    // Named again (another language): a list made already follows.
    setAccessibleLabel(&walked, QStringLiteral("Art"));
    QCOMPARE(popupList(walked)->accessibleName(), QStringLiteral("Art"));
}

void TstUiWidgets::preferencesHaveDefaults()
{
    TempDatabase dir;
    QSettings settings(dir.path(QStringLiteral("p.ini")), QSettings::IniFormat);
    Preferences preferences(settings);
    QVERIFY(!preferences.authorName().isEmpty());
    QCOMPARE(preferences.authorName(), Preferences::defaultAuthorName());
    QCOMPARE(preferences.lastIncidentId(), 0);
    QCOMPARE(preferences.defaultEntryKind(), EntryKind::Note);
    preferences.setAuthorName(QStringLiteral("  Ana  "));
    preferences.setLastIncidentId(7);
    preferences.setDefaultEntryKind(EntryKind::Action);
    preferences.sync();
    QSettings reread(dir.path(QStringLiteral("p.ini")), QSettings::IniFormat);
    QCOMPARE(reread.value(QStringLiteral("preferences/authorName")).toString(), QStringLiteral("Ana"));
    Preferences again(reread);
    QCOMPARE(again.lastIncidentId(), 7);
    QCOMPARE(again.defaultEntryKind(), EntryKind::Action);
    // Preferences and window state stay apart.
    QVERIFY(!reread.childGroups().contains(QStringLiteral("window")));
}

// The quick entry remembers its author after every entry: the same name writes nothing (each
// write of the settings file is two flushes to the disk).
void TstUiWidgets::theSameAuthorIsNotWrittenAgain()
{
    TempDatabase dir;
    const QString path = dir.path(QStringLiteral("p.ini"));
    QSettings settings(path, QSettings::IniFormat);
    Preferences preferences(settings);
    preferences.setAuthorName(QStringLiteral("Ana"));
    preferences.sync();
    QVERIFY(QFile::remove(path));
    preferences.setAuthorName(QStringLiteral(" Ana "));
    preferences.sync();
    QVERIFY(!QFile::exists(path));
    preferences.setAuthorName(QStringLiteral("Bo"));
    preferences.sync();
    QVERIFY(QFile::exists(path));
    QCOMPARE(QSettings(path, QSettings::IniFormat).value(QStringLiteral("preferences/authorName")).toString(),
             QStringLiteral("Bo"));
}

void TstUiWidgets::preferencesRejectNonManualKinds()
{
    TempDatabase dir;
    QSettings settings(dir.path(QStringLiteral("p.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("preferences/defaultEntryKind"), QStringLiteral("system"));
    settings.setValue(QStringLiteral("preferences/lastIncidentId"), QStringLiteral("garbage"));
    Preferences preferences(settings);
    QCOMPARE(preferences.defaultEntryKind(), EntryKind::Note);
    QCOMPARE(preferences.lastIncidentId(), 0);
}

void TstUiWidgets::commandThatFailsIsNotPushed()
{
    StoreFixture fixture;
    QVERIFY(fixture.open().ok());
    IncidentStore &store = fixture.store();
    NewIncident incident;
    incident.title = QStringLiteral("Cmd");
    const qint64 id = *store.incidents().create(incident, QStringLiteral("ana"));
    SaveStatus status(fixture.clock());
    QSignalSpy saved(&status, &SaveStatus::saved);
    QSignalSpy failed(&status, &SaveStatus::failed);
    QUndoStack stack;

    NewEntry empty;
    empty.incidentId = id;
    empty.author = QStringLiteral("ana");
    empty.text = QStringLiteral("   ");
    const StoreError error = StoreCommand::execute(stack, std::make_unique<LogEntryCommand>(store, &status, empty));
    QCOMPARE(error.code(), StoreError::Code::Invalid);
    QCOMPARE(stack.count(), 0);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(saved.count(), 0);

    NewEntry fine = empty;
    fine.text = QStringLiteral("fine");
    QVERIFY(StoreCommand::execute(stack, std::make_unique<LogEntryCommand>(store, &status, fine)).ok());
    QCOMPARE(stack.count(), 1);
    QCOMPARE(stack.command(0)->id(), -1); // a logged entry never merges with another
    QCOMPARE(stack.undoText(), QStringLiteral("Log “fine”"));
    QCOMPARE(saved.count(), 1);
    QCOMPARE(status.lastSavedUtc(), fixture.clock().nowUtc());
}

void TstUiWidgets::undoThatFailsLeavesTheStack()
{
    StoreFixture fixture;
    QVERIFY(fixture.open().ok());
    IncidentStore &store = fixture.store();
    NewIncident incident;
    incident.title = QStringLiteral("Cmd");
    const qint64 id = *store.incidents().create(incident, QStringLiteral("ana"));
    SaveStatus status(fixture.clock());
    QSignalSpy failed(&status, &SaveStatus::failed);
    QUndoStack stack;
    QVERIFY(StoreCommand::execute(
                stack, std::make_unique<SetSeverityCommand>(store, &status, id, Severity::Sev1, QStringLiteral("ana")))
                .ok());
    store.session().close(); // the undo cannot reach the database
    stack.undo();
    QCOMPARE(failed.count(), 1);
    QCOMPARE(status.lastError().code(), StoreError::Code::NotOpen);
    QCOMPARE(stack.count(), 0); // dropped: the stack never claims an undo that did not happen
}

void TstUiWidgets::amendDialogReportsOnlyChanges()
{
    FakeClock clock;
    TimelineEntry entry;
    entry.id = 5;
    entry.kind = EntryKind::Action;
    entry.text = QStringLiteral("restart");
    entry.author = QStringLiteral("ana");
    entry.occurredAt = clock.nowUtc().addSecs(-600).addMSecs(123);
    entry.capturedAt = clock.nowUtc();
    AmendEntryDialog dialog(entry, clock);
    QVERIFY(dialog.amendment().isEmpty()); // milliseconds the editor cannot show are no change
    dialog.setText(QStringLiteral("restart the app stack"));
    EntryAmendment change = dialog.amendment();
    QCOMPARE(change.text.value_or(QString()), QStringLiteral("restart the app stack"));
    QVERIFY(!change.kind && !change.occurredAt && !change.keyEvent && !change.retracted);
    dialog.setKind(EntryKind::Decision);
    dialog.setOccurredAt(clock.nowUtc().addSecs(-900));
    change = dialog.amendment();
    QCOMPARE(change.kind.value_or(EntryKind::Note), EntryKind::Decision);
    QCOMPARE(change.occurredAt.value_or(QDateTime()), clock.nowUtc().addSecs(-900));
}

void TstUiWidgets::everyKindHasItsOwnColour()
{
    QSet<QRgb> colours;
    for (EntryKind kind : EntryVocabulary::allKinds())
        colours.insert(KindStyle::kindColor(kind).rgb());
    QCOMPARE(colours.size(), EntryVocabulary::allKinds().size());
    QSet<QRgb> severities;
    for (Severity s : IncidentVocabulary::allSeverities())
        severities.insert(KindStyle::severityColor(s).rgb());
    QCOMPARE(severities.size(), 5);
}

QTEST_MAIN(TstUiWidgets)
#include "tst_uiwidgets.moc"
