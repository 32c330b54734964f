// The postmortem in the window: resolving asks for the owner with the severity's default due
// date, refusals show in the dialog and change nothing, the draft previews, and File ▸ Export /
// Print write what the CLI writes.

#include "db/privatefile.h"
#include "dialogs/postmortemdialog.h"
#include "dialogs/resolvedialog.h"
#include "exportactions.h"
#include "uifixture.h"

#include <QAction>
#include <QBuffer>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPdfWriter>
#include <QPushButton>
#include <QSpinBox>
#include <QTextBrowser>

using namespace cp;

class TstPostmortemUi : public QObject
{
    Q_OBJECT

private slots:
    void resolvingAsksForTheOwner();
    void refusalShowsInTheDialogAndChangesNothing();
    void defaultsArePreferences();
    void fileMenuExportsAndPrints();
    void fileMenuExportRefusesASymbolicLink();
};

void TstPostmortemUi::resolvingAsksForTheOwner()
{
    test::UiFixture f;
    QVERIFY(f.openError.ok());
    const qint64 id = f.declare(QStringLiteral("Checkout down"), Severity::Sev1);
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));
    QVERIFY(!f.dialog<PostmortemDialog>());

    w.findChild<QAction *>(QStringLiteral("statusAction_resolved"))->trigger();
    ResolveDialog *checklist = f.dialog<ResolveDialog>();
    QVERIFY(checklist);
    QVERIFY(checklist->findChild<QPushButton *>(QStringLiteral("resolveSettle_postmortem")));
    checklist->findChild<QLineEdit *>(QStringLiteral("resolveReason_postmortem"))->setText(QStringLiteral("after"));
    QVERIFY(checklist->resolve());
    QCOMPARE(f.store->incidents().incident(id)->status, IncidentStatus::Resolved);
    PostmortemDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = f.dialog<PostmortemDialog>()) != nullptr);
    // SEV-1: three calendar days after the resolution.
    const QDateTime resolved = f.store->incidents().incident(id)->resolvedAt;
    auto *due = dialog->findChild<QDateTimeEdit *>(QStringLiteral("postmortemDue"));
    QCOMPARE(due->dateTime().toUTC(), resolved.addDays(3));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("postmortemRule"))
                ->text()
                .contains(QStringLiteral("3 calendar days")));
    QVERIFY(dialog->findChild<QTextBrowser *>(QStringLiteral("postmortemPreview"))
                ->toPlainText()
                .contains(QStringLiteral("Timeline of key events")));

    auto *owner = dialog->findChild<QComboBox *>(QStringLiteral("postmortemOwner"));
    owner->setEditText(QStringLiteral("Dee Park"));
    dialog->findChild<QPushButton *>(QStringLiteral("postmortemSave"))->click();
    auto stored = f.store->incidents().postmortem(id);
    QVERIFY(stored.ok() && stored->has_value());
    QCOMPARE((*stored)->owner, QStringLiteral("Dee Park"));
    QCOMPARE((*stored)->dueAt, resolved.addDays(3));
    QCOMPARE((*stored)->assignedBy, QStringLiteral("ana"));
    // The preview follows: the owner is in the draft now.
    QTRY_VERIFY(dialog->findChild<QTextBrowser *>(QStringLiteral("postmortemPreview"))
                    ->toPlainText()
                    .contains(QStringLiteral("Dee Park")));
    dialog->close();

    // Resolving again after a reopen does not ask twice: the owner is named.
    w.findChild<QAction *>(QStringLiteral("statusAction_monitoring"))->trigger();
    w.findChild<QAction *>(QStringLiteral("statusAction_resolved"))->trigger();
    QTest::qWait(0);
    QVERIFY(!f.dialog<PostmortemDialog>());
}

void TstPostmortemUi::refusalShowsInTheDialogAndChangesNothing()
{
    test::UiFixture f;
    const qint64 id = f.declare(QStringLiteral("Payments slow"), Severity::Sev2);
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));
    PostmortemDialog *dialog = w.exportActions()->showPostmortem();
    QVERIFY(dialog);
    const int entries = int(f.store->timeline().entries(TimelinePage{id, true})->size());
    dialog->findChild<QComboBox *>(QStringLiteral("postmortemOwner"))->setEditText(QStringLiteral("   "));
    QVERIFY(!dialog->save());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("postmortemStatus"))->text().contains(QStringLiteral("owner")));
    QVERIFY(!f.store->incidents().postmortem(id)->has_value());
    QCOMPARE(int(f.store->timeline().entries(TimelinePage{id, true})->size()), entries);
}

void TstPostmortemUi::defaultsArePreferences()
{
    test::UiFixture f;
    const qint64 id = f.declare(QStringLiteral("Payments slow"), Severity::Sev2);
    QVERIFY(f.store->resolution()
                .resolve(id, {{QStringLiteral("postmortem"), QStringLiteral("named below")}}, QStringLiteral("ana"))
                .ok());
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));
    PostmortemDialog *dialog = w.exportActions()->showPostmortem();
    auto *sev2 = dialog->findChild<QSpinBox *>(QStringLiteral("postmortemSev2Days"));
    QCOMPARE(sev2->value(), 5);
    const QDateTime resolved = f.store->incidents().incident(id)->resolvedAt;
    auto *due = dialog->findChild<QDateTimeEdit *>(QStringLiteral("postmortemDue"));
    QCOMPARE(due->dateTime().toUTC(), PostmortemPolicy::addBusinessDays(resolved, 5));
    sev2->setValue(2);
    QCOMPARE(f.preferences->postmortemDeadlines().sev2BusinessDays, 2);
    QCOMPARE(due->dateTime().toUTC(), PostmortemPolicy::addBusinessDays(resolved, 2));
    // A due date typed by hand is not overwritten by a changed default.
    due->setDateTime(due->dateTime().addDays(1));
    sev2->setValue(3);
    QCOMPARE(due->dateTime().toUTC(), PostmortemPolicy::addBusinessDays(resolved, 2).addDays(1));
}

void TstPostmortemUi::fileMenuExportsAndPrints()
{
    test::UiFixture f;
    const qint64 id = f.declare(QStringLiteral("Search index stale"), Severity::Sev2);
    MainWindow &w = f.makeWindow();
    ExportActions *exports = w.exportActions();
    QVERIFY(exports);
    auto *menu = w.findChild<QMenu *>(QStringLiteral("exportMenu"));
    QVERIFY(menu);
    QVERIFY(!menu->isEnabled() || exports->incidentId() == w.currentIncidentId());
    QVERIFY(w.openIncident(id));
    QVERIFY(menu->isEnabled());
    for (IncidentExport::Format format : IncidentExport::all()) {
        QAction *action = exports->exportAction(format);
        QVERIFY(action && menu->actions().contains(action));
        QVERIFY(!action->text().isEmpty());
        const QString path = f.db.path(QStringLiteral("out.") + IncidentExport::key(format));
        QVERIFY(exports->exportTo(format, path).ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.size() > 100);
        QCOMPARE(PrivateFile::modeOf(path), PrivateFile::Mode); // incident data: the owner's only
    }
    QVERIFY(w.findChild<QAction *>(QStringLiteral("printAction"))->isEnabled());
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QPdfWriter pdf(&buffer);
    QVERIFY(exports->printTo(pdf) >= 1);
    pdf.newPage(); // the writer finishes when it goes; the buffer already holds a PDF
    QVERIFY(buffer.data().startsWith("%PDF-"));
}

// File ▸ Export through the dialog: a path that is a symbolic link is refused with a message and
// the file it points to is left as it was; a plain path is written.
void TstPostmortemUi::fileMenuExportRefusesASymbolicLink()
{
    test::UiFixture f;
    const qint64 id = f.declare(QStringLiteral("Search index stale"), Severity::Sev2);
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));
    const QString victim = f.db.path(QStringLiteral("victim.txt"));
    QVERIFY(f.db.writeBytes(victim, "someone else's file\n"));
    const QByteArray before = test::TempDatabase::fingerprint(victim);
    const QString link = f.db.path(QStringLiteral("export.md"));
    QVERIFY(QFile::link(victim, link));

    auto answer = [&](const QString &path) {
        w.exportActions()->exportAction(IncidentExport::Format::Markdown)->trigger();
        QFileDialog *dialog = nullptr; // the one just opened (a closed one may not be deleted yet)
        for (QFileDialog *candidate : w.findChildren<QFileDialog *>(QStringLiteral("exportFileDialog")))
            dialog = candidate->isVisible() ? candidate : dialog;
        QVERIFY(dialog && dialog->isVisible());
        dialog->setOption(QFileDialog::DontConfirmOverwrite); // Qt's own overwrite question is modal
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept(); // as its Save button does
    };
    answer(link);
    if (QTest::currentTestFailed())
        return;
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = w.findChild<QMessageBox *>(QStringLiteral("exportFailed"))) && box->isVisible());
    QVERIFY2(box->text().contains(QStringLiteral("symbolic link")), qPrintable(box->text()));
    QCOMPARE(test::TempDatabase::fingerprint(victim), before);
    QVERIFY(QFileInfo(link).isSymLink());
    box->close();

    const QString plain = f.db.path(QStringLiteral("plain.md"));
    answer(plain);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(QFileInfo(plain).size() > 100);
}

QTEST_MAIN(TstPostmortemUi)
#include "tst_postmortemui.moc"
