#include "fakeclock.h"
#include "notes/traineenotemodel.h"
#include "notes/traineenotes.h"
#include "tempdatabase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace cp;

// The trainee's notebook: its own file, refusals change nothing, the model follows each note.
class TstTraineeNotes : public QObject
{
    Q_OBJECT

private:
    const QString m_db = QStringLiteral("/incidents/a.sqlite");

    TraineeNote note(const QString &text, int minute, qint64 incidentId = 1) const
    {
        TraineeNote n;
        n.databaseKey = m_db;
        n.incidentId = incidentId;
        n.momentUtc = QDateTime(QDate(2026, 11, 22), QTime(14, minute), Qt::UTC);
        n.text = text;
        return n;
    }

private slots:
    void refusalsChangeNothing()
    {
        test::TempDatabase tmp;
        test::FakeClock clock;
        TraineeNotes notes(clock);
        QVERIFY(notes.open(tmp.path(QStringLiteral("notes.sqlite"))).ok());
        QVERIFY(notes.add(note(QStringLiteral("first"), 1)));
        QSignalSpy added(&notes, &TraineeNotes::noteAdded);

        const auto empty = notes.add(note(QStringLiteral("   "), 2));
        QCOMPARE(empty.error().code(), StoreError::Code::Invalid);
        QVERIFY(empty.error().message().contains(QStringLiteral("needs text")));
        TraineeNote nowhere = note(QStringLiteral("x"), 2);
        nowhere.momentUtc = {};
        QCOMPARE(notes.add(nowhere).error().code(), StoreError::Code::Invalid);
        QCOMPARE(notes.update(1, QString()).code(), StoreError::Code::Invalid);
        QCOMPARE(notes.update(42, QStringLiteral("x")).code(), StoreError::Code::NotFound);
        QCOMPARE(notes.remove(42).code(), StoreError::Code::NotFound);
        QCOMPARE(added.size(), 0);
        QCOMPARE(notes.notes(m_db, 1)->size(), 1);
        QCOMPARE(notes.notes(m_db, 1)->first().text, QStringLiteral("first"));
    }

    void refusesAForeignFile()
    {
        test::TempDatabase tmp;
        test::FakeClock clock;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
            db.setDatabaseName(tmp.path(QStringLiteral("other.sqlite")));
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE t (x)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        const QByteArray before = test::TempDatabase::fingerprint(tmp.path(QStringLiteral("other.sqlite")));
        TraineeNotes notes(clock);
        QCOMPARE(notes.open(tmp.path(QStringLiteral("other.sqlite"))).code(), StoreError::Code::Foreign);
        QCOMPARE(test::TempDatabase::fingerprint(tmp.path(QStringLiteral("other.sqlite"))), before);
    }

    void modelFollowsEachNoteAndNotesPersist()
    {
        test::TempDatabase tmp;
        test::FakeClock clock;
        const QString file = tmp.path(QStringLiteral("notes.sqlite"));
        {
            TraineeNotes notes(clock);
            QVERIFY(notes.open(file).ok());
            TraineeNoteModel model(notes);
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.setIncident(m_db, 1);
            QCOMPARE(model.rowCount(), 0);
            QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
            QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

            const auto late = notes.add(note(QStringLiteral("why SEV-1 here?"), 5));
            const auto early = notes.add(note(QStringLiteral("IC asked for objections"), 2));
            QVERIFY(late && early);
            QVERIFY(notes.add(note(QStringLiteral("another incident"), 3, 2)));
            QVERIFY(notes.add([&] {
                TraineeNote n = note(QStringLiteral("another database"), 3);
                n.databaseKey = QStringLiteral("/other.sqlite");
                return n;
            }()));
            QCOMPARE(inserted.size(), 2);
            QCOMPARE(reset.size(), 0);
            QCOMPARE(model.rowCount(), 2);
            QCOMPARE(model.index(0).data(TraineeNoteModel::TextRole).toString(),
                     QStringLiteral("IC asked for objections"));
            QVERIFY(model.notedMoments().contains(note(QString(), 5).momentUtc.toMSecsSinceEpoch()));

            QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
            QVERIFY(notes.update(*late, QStringLiteral("why SEV-1 only at 14:05?")).ok());
            QCOMPARE(changed.size(), 1);
            QCOMPARE(model.notesAt(note(QString(), 5).momentUtc),
                     QStringList{QStringLiteral("why SEV-1 only at 14:05?")});

            QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
            QVERIFY(notes.remove(*early).ok());
            QCOMPARE(removed.size(), 1);
            QCOMPARE(model.rowCount(), 1);
            QCOMPARE(reset.size(), 0);
        }
        TraineeNotes again(clock);
        QVERIFY(again.open(file).ok());
        const auto kept = again.notes(m_db, 1);
        QVERIFY(kept);
        QCOMPARE(kept->size(), 1);
        QCOMPARE(kept->first().text, QStringLiteral("why SEV-1 only at 14:05?"));
    }
};

QTEST_GUILESS_MAIN(TstTraineeNotes)
#include "tst_traineenotes.moc"
