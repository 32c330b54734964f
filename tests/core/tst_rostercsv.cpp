#include "exchange/csvreader.h"
#include "exchange/rostercsv.h"

#include <QtTest>

using namespace cp;

class TstRosterCsv : public QObject
{
    Q_OBJECT

private slots:
    void readsQuotedFieldsAcrossLines()
    {
        QList<CsvReader::Record> records;
        QString error;
        const QByteArray csv("\xEF\xBB\xBFname,note\r\n\"Lima, Ana\",\"said \"\"hi\"\"\nthen left\"\r\n\r\nBo,\n");
        QVERIFY2(CsvReader::parse(csv, &records, &error), qPrintable(error));
        QCOMPARE(records.size(), 3);
        QCOMPARE(records.at(1).fields, (QStringList{QStringLiteral("Lima, Ana"), QStringLiteral("said \"hi\"\nthen left")}));
        QCOMPARE(records.at(1).line, 2);
        QCOMPARE(records.at(2).line, 5);
        QCOMPARE(records.at(2).fields, (QStringList{QStringLiteral("Bo"), QString()}));
    }

    void readsOneRecordAtATime()
    {
        QList<int> lines;
        QString error;
        const bool read = CsvReader::read(
            "a\n\nb\nc\nd\n",
            [&](CsvReader::Record &r) {
                lines << r.line;
                if (r.fields.first() != QLatin1String("c"))
                    return true;
                error = QStringLiteral("stopped at c");
                return false;
            },
            &error);
        QVERIFY(!read);
        QCOMPARE(error, QStringLiteral("stopped at c"));
        QCOMPARE(lines, (QList<int>{1, 3, 4})); // the blank line 2 is no record; d is never read
    }

    void readsNonAsciiFields()
    {
        QList<CsvReader::Record> records;
        QString error;
        QVERIFY2(CsvReader::parse("Zoë,\"Ωmega, \"\"ß\"\"\"\n", &records, &error), qPrintable(error));
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.at(0).fields, (QStringList{QStringLiteral("Zoë"), QStringLiteral("Ωmega, \"ß\"")}));
    }

    void readsPeople()
    {
        const QByteArray csv("handle,name,team,department,contact,trained_roles,trainee\n"
                             "ana,Ana Lima,SRE,Engineering,+1 555 0100,ic;deputy,no\n"
                             "bo,Bo Chen,Support,support,@bo,customer-liaison,yes\n"
                             "cy,\"Okafor, Cy\",,,,,\n");
        QList<Person> people;
        QString error;
        QVERIFY2(RosterCsv::readPeople(csv, &people, &error), qPrintable(error));
        QCOMPARE(people.size(), 3);
        QCOMPARE(people.at(0).trainedRoles, (QStringList{QStringLiteral("ic"), QStringLiteral("deputy")}));
        QCOMPARE(people.at(0).departmentKey, QStringLiteral("engineering"));
        QVERIFY(people.at(1).trainee);
        QCOMPARE(people.at(2).name, QStringLiteral("Okafor, Cy"));
        QCOMPARE(RosterCsv::detect(csv), RosterCsv::Kind::People);

        QList<Person> again;
        QVERIFY(RosterCsv::readPeople(RosterCsv::writePeople(people), &again, &error));
        QCOMPARE(again, people);
    }

    void readsDepartments()
    {
        const QByteArray csv("key,name,primary_contact,oncall_rotation,escalation_path\n"
                             "engineering,Engineering,Dee Park,eng-primary,Dee → Eng manager → CTO\n"
                             "finance,Finance,Gil,finance-oncall,Gil → CFO\n");
        QList<Department> departments;
        QString error;
        QVERIFY2(RosterCsv::readDepartments(csv, &departments, &error), qPrintable(error));
        QCOMPARE(departments.size(), 2);
        QCOMPARE(departments.at(0).escalationPath, QStringLiteral("Dee → Eng manager → CTO"));
        QCOMPARE(RosterCsv::detect(csv), RosterCsv::Kind::Departments);
        QList<Department> again;
        QVERIFY(RosterCsv::readDepartments(RosterCsv::writeDepartments(departments), &again, &error));
        QCOMPARE(again, departments);
    }

    void malformedPeopleNameTheLine_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty file") << QByteArray() << QStringLiteral("the file is empty");
        QTest::newRow("unknown column") << QByteArray("name,handle,favourite_colour\n") << QStringLiteral("line 1: unknown column “favourite_colour”");
        QTest::newRow("missing handle column") << QByteArray("name,team\nAna,SRE\n") << QStringLiteral("line 1: the required column “handle” is missing");
        QTest::newRow("duplicate column") << QByteArray("name,handle,name\n") << QStringLiteral("appears twice");
        QTest::newRow("short row") << QByteArray("name,handle,team\nAna,ana,SRE\nBo,bo\n") << QStringLiteral("line 3: 2 fields where the header has 3");
        QTest::newRow("empty name") << QByteArray("name,handle\nAna,ana\n,bo\n") << QStringLiteral("line 3: the name is empty");
        QTest::newRow("bad handle") << QByteArray("name,handle\nAna,ana lima\n") << QStringLiteral("line 2: the handle “ana lima”");
        QTest::newRow("duplicate handle") << QByteArray("name,handle\nAna,ana\nAnna,ANA\n") << QStringLiteral("line 3: the handle “ANA” was already used on line 2");
        QTest::newRow("bad trainee") << QByteArray("name,handle,trainee\nAna,ana,maybe\n") << QStringLiteral("line 2: trainee must be yes or no");
        QTest::newRow("unclosed quote") << QByteArray("name,handle\nAna,ana\n\"Bo,bo\n") << QStringLiteral("line 3: a quoted field is never closed");
        QTest::newRow("invalid utf-8") << QByteArray("name,handle\nAna,ana\nB\xFF\xFEo,bo\n") << QStringLiteral("line 3: the file is not valid UTF-8");
        // The reader goes through the file once: the first problem in the file is the one named.
        QTest::newRow("empty name before an unclosed quote") << QByteArray("name,handle\n,ana\n\"Bo,bo\n") << QStringLiteral("line 2: the name is empty");
        QTest::newRow("invalid utf-8 inside a quoted field") << QByteArray("name,handle\n\"Ana\nLi\xFFma\",ana\n") << QStringLiteral("line 3: the file is not valid UTF-8");
        QTest::newRow("utf-8 cut by a comma") << QByteArray("name,handle\nAn\xC3,ana\n") << QStringLiteral("line 2: the file is not valid UTF-8");
        QTest::newRow("invalid utf-8 in an unclosed quote") << QByteArray("name,handle\n\"An\xFF") << QStringLiteral("line 2: the file is not valid UTF-8");
    }

    void malformedPeopleNameTheLine()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, expected);
        QList<Person> people;
        QString error;
        QVERIFY(!RosterCsv::readPeople(csv, &people, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(people.isEmpty());
    }

    void malformedDepartments()
    {
        QList<Department> departments;
        QString error;
        QVERIFY(!RosterCsv::readDepartments("key,name\nEng Team,Engineering\n", &departments, &error));
        QVERIFY2(error.startsWith(QStringLiteral("line 2: the key")), qPrintable(error));
        QVERIFY(!RosterCsv::readDepartments("key,name\neng,Engineering\neng,Again\n", &departments, &error));
        QVERIFY2(error.contains(QStringLiteral("already used on line 2")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TstRosterCsv)
#include "tst_rostercsv.moc"
