#include "domain/roletemplate.h"
#include "tempdatabase.h"

#include <QFile>
#include <QtTest>

using namespace cp;

class TstRoleTemplates : public QObject
{
    Q_OBJECT

private:
    static QByteArray minimal(const QString &rolesJson)
    {
        return QStringLiteral(R"({"format":"commandpost-role-template","version":1,"key":"mine","name":"Mine","roles":%1})")
            .arg(rolesJson)
            .toUtf8();
    }

private slots:
    void builtInsLoadAndFollowTheSeeds()
    {
        RoleTemplateLibrary library(QString{});
        QVERIFY2(library.problems().isEmpty(), qPrintable(library.problems().join(QLatin1Char('\n'))));
        QCOMPARE(library.templates().size(), 4);
        QCOMPARE(library.templates().first().key, QStringLiteral("technical-response"));

        const RoleTemplate technical = *library.find(QStringLiteral("technical-response"));
        QCOMPARE(technical.rootKeys(), QStringList{QStringLiteral("ic")});
        for (const QString &key : {QStringLiteral("ic"), QStringLiteral("deputy"), QStringLiteral("scribe"),
                                   QStringLiteral("sme"), QStringLiteral("customer-liaison"),
                                   QStringLiteral("internal-liaison")})
            QVERIFY2(technical.role(key), qPrintable(key));
        QVERIFY(technical.role(QStringLiteral("ic"))->required);
        QVERIFY(!technical.role(QStringLiteral("ic"))->multipleHolders);
        QVERIFY(technical.role(QStringLiteral("sme"))->multipleHolders);
        QVERIFY(technical.role(QStringLiteral("deputy"))->staff);
        QVERIFY(technical.role(QStringLiteral("sme"))->responsibilities.size() >= 3);

        const RoleTemplate business = *library.find(QStringLiteral("business-response"));
        QCOMPARE(business.rootKeys(), QStringList{QStringLiteral("business-lead")});
        for (const QString &key : {QStringLiteral("technical-slt"), QStringLiteral("marketing-officer"),
                                   QStringLiteral("social-officer"), QStringLiteral("media-officer"),
                                   QStringLiteral("legal-officer"), QStringLiteral("messaging-officer"),
                                   QStringLiteral("elt-approver"), QStringLiteral("departmental-responder")})
            QVERIFY2(business.role(key), qPrintable(key));
        QVERIFY(library.find(QStringLiteral("incident-manager"))->role(QStringLiteral("first-responder")));
        QVERIFY(library.find(QStringLiteral("lightweight"))->role(QStringLiteral("postmortem-owner")));
        for (const RoleTemplate &t : library.templates())
            QVERIFY(t.builtIn);
    }

    void roundTripsThroughJson()
    {
        RoleTemplateLibrary library(QString{});
        for (const RoleTemplate &t : library.templates()) {
            QString error;
            auto again = RoleTemplateFormat::fromJson(RoleTemplateFormat::toJson(t), &error);
            QVERIFY2(again, qPrintable(error));
            QCOMPARE(again->roles, t.roles);
            QCOMPARE(again->name, t.name);
        }
    }

    void invalidTemplatesNameThePlace_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("{roles: [") << QStringLiteral("not valid JSON");
        QTest::newRow("array") << QByteArray("[]") << QStringLiteral("must be a JSON object");
        QTest::newRow("wrong format") << QByteArray(R"({"format":"x","version":1})") << QStringLiteral("format");
        QTest::newRow("newer version")
            << QByteArray(R"({"format":"commandpost-role-template","version":9,"key":"a","name":"A","roles":[]})")
            << QStringLiteral("version: 9");
        QTest::newRow("no roles") << minimal(QStringLiteral("[]")) << QStringLiteral("at least one role");
        QTest::newRow("roles not a list") << minimal(QStringLiteral("{}")) << QStringLiteral("roles: must be a list");
        QTest::newRow("missing title") << minimal(QStringLiteral(R"([{"key":"ic"}])")) << QStringLiteral("roles[0].title");
        QTest::newRow("title not text") << minimal(QStringLiteral(R"([{"key":"ic","title":5}])"))
                                        << QStringLiteral("roles[0].title: must be text");
        QTest::newRow("bad key") << minimal(QStringLiteral(R"([{"key":"I C","title":"IC"}])")) << QStringLiteral("roles[0].key");
        QTest::newRow("duplicate key")
            << minimal(QStringLiteral(R"([{"key":"ic","title":"IC"},{"key":"ic","title":"Again","parent":"ic"}])"))
            << QStringLiteral("roles[1].key: “ic” is used twice");
        QTest::newRow("unknown parent")
            << minimal(QStringLiteral(R"([{"key":"ic","title":"IC"},{"key":"sme","title":"SME","parent":"icc"}])"))
            << QStringLiteral("roles[1].parent: no role has the key “icc”");
        // Found by fuzz_roletemplate: the walk up from "a" reached the unknown "w" before b's own check.
        QTest::newRow("unknown grandparent")
            << minimal(QStringLiteral(R"([{"key":"a","title":"A","parent":"b"},{"key":"b","title":"B","parent":"w"}])"))
            << QStringLiteral("roles[1].parent: no role has the key “w”");
        QTest::newRow("cycle")
            << minimal(QStringLiteral(R"([{"key":"ic","title":"IC"},{"key":"a","title":"A","parent":"b"},{"key":"b","title":"B","parent":"a"}])"))
            << QStringLiteral("own ancestor");
        QTest::newRow("bad holders") << minimal(QStringLiteral(R"([{"key":"ic","title":"IC","holders":"two"}])"))
                                     << QStringLiteral("roles[0].holders");
        QTest::newRow("duty not text")
            << minimal(QStringLiteral(R"([{"key":"ic","title":"IC","responsibilities":["ok",3]}])"))
            << QStringLiteral("roles[0].responsibilities[1]");
    }

    void invalidTemplatesNameThePlace()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!RoleTemplateFormat::fromJson(json, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void userTemplatesAreSavedLoadedAndProtected()
    {
        test::TempDatabase folder;
        RoleTemplateLibrary library(folder.dir());
        RoleTemplate mine = *library.find(QStringLiteral("technical-response"));
        QVERIFY(!library.save(mine).isEmpty()); // a built-in's key cannot be overwritten
        mine.key = QStringLiteral("our-response");
        mine.name = QStringLiteral("Our response");
        RoleDefinition db;
        db.key = QStringLiteral("db-sme");
        db.title = QStringLiteral("Database SME");
        db.parentKey = QStringLiteral("ic");
        mine.roles << db;
        QCOMPARE(library.save(mine), QString());
        QCOMPARE(library.templates().size(), 5);

        RoleTemplateLibrary reread(folder.dir());
        auto loaded = reread.find(QStringLiteral("our-response"));
        QVERIFY(loaded);
        QVERIFY(!loaded->builtIn);
        QVERIFY(loaded->role(QStringLiteral("db-sme")));

        // A broken file is skipped and reported, the rest still load.
        QVERIFY(folder.writeBytes(folder.path(QStringLiteral("broken.json")), "{oops"));
        reread.reload();
        QCOMPARE(reread.templates().size(), 5);
        QCOMPARE(reread.problems().size(), 1);
        QVERIFY(reread.problems().first().startsWith(QStringLiteral("broken.json")));

        QVERIFY(!reread.remove(QStringLiteral("technical-response")).isEmpty());
        QCOMPARE(reread.remove(QStringLiteral("our-response")), QString());
        QVERIFY(!reread.find(QStringLiteral("our-response")));
    }
};

QTEST_GUILESS_MAIN(TstRoleTemplates)
#include "tst_roletemplates.moc"
