// File ▸ Connect to a team server… against a real PostgreSQL server: the dialog says why a
// server cannot be used in the CLI's own words and stays open; a good one is connected to,
// remembered among the recent servers without its password, and offered first next time.

#include "clirunner.h"
#include "dialogs/connectserverdialog.h"
#include "pgtestserver.h"
#include "server/serverschema.h"
#include "silentlistener.h"
#include "uifixture.h"
#include "window/serveractions.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimer>

using namespace cp;
using namespace cp::test;

class TstConnectServer : public QObject
{
    Q_OBJECT

private:
    PgTestServer m_pg;
    CliRunner m_cli;
    QString m_server; // the database, as the environment's (superuser) login
    QString m_login;  // a responder with a password

    std::unique_ptr<UiFixture> m_ui;
    std::unique_ptr<IncidentStore> m_opened; // what the connector opened
    int m_connects = 0;

    ConnectServerDialog *openDialog()
    {
        m_ui->window->serverActions()->connectAction()->trigger();
        return m_ui->dialog<ConnectServerDialog>();
    }

    // Types the server and the password and presses Connect.
    static void connectTo(ConnectServerDialog *dialog, const QString &server, const QString &password)
    {
        auto *edit = dialog->findChild<QComboBox *>(QStringLiteral("serverAddress"));
        edit->setCurrentText(QString());
        edit->lineEdit()->clear();
        QTest::keyClicks(edit->lineEdit(), server);
        auto *passwordEdit = dialog->findChild<QLineEdit *>(QStringLiteral("serverPassword"));
        passwordEdit->clear();
        QTest::keyClicks(passwordEdit, password);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("connectButton")), Qt::LeftButton);
    }

    // The server as typed, in the form the recent list keeps (libpq's order of keywords).
    QString typed() const
    {
        return ServerAddress::parse(m_server + QStringLiteral(" user=") + m_login)->textWithoutPassword();
    }

    static QString errorOf(ConnectServerDialog *dialog)
    {
        auto *label = dialog->findChild<QLabel *>(QStringLiteral("connectError"));
        return label->isVisible() ? label->text() : QString();
    }

    // The CLI's message for the same server: its stderr line after "commandpost-cli: CODE: ".
    QString cliSays(const QString &server)
    {
        const CliRun run =
            m_cli.run({QStringLiteral("--server"), server, QStringLiteral("incident"), QStringLiteral("list")});
        const QString line = QString::fromUtf8(run.err).trimmed();
        const int cut = line.indexOf(QLatin1String(": "), line.indexOf(QLatin1String(": ")) + 2);
        return cut < 0 ? line : line.mid(cut + 2);
    }

private slots:
    void initTestCase()
    {
        CP_REQUIRE_PG(m_pg);
        QString why;
        m_server = m_pg.createCommandPostDatabase(&why);
        QVERIFY2(!m_server.isEmpty(), qPrintable(why));
        m_login = m_pg.createMember(m_server, QStringLiteral("bo"), ServerSchema::Group::Responder, &why);
        QVERIFY2(!m_login.isEmpty(), qPrintable(why));
    }

    void init()
    {
        m_ui = std::make_unique<UiFixture>();
        QVERIFY(m_ui->openError.ok());
        m_ui->makeWindow();
        m_connects = 0;
        m_ui->window->serverActions()->setConnector([this](const ServerAddress &address) {
            ++m_connects;
            auto store = std::make_unique<IncidentStore>(m_ui->clock);
            StoreError error = store->session().openServer(address, {});
            if (error.ok())
                m_opened = std::move(store);
            return error;
        });
    }

    void cleanup()
    {
        m_ui.reset();
        m_opened.reset();
    }

    void theFileMenuOffersIt()
    {
        QAction *action = m_ui->window->serverActions()->connectAction();
        QVERIFY(action->isEnabled());
        QCOMPARE(action->text(), QStringLiteral("&Connect to a team server…"));
        auto *file = m_ui->window->findChild<QMenu *>(QStringLiteral("fileMenu"));
        QVERIFY(file->actions().contains(action));
    }

    void aMalformedAddressIsRefusedBeforeAnyConnection()
    {
        ConnectServerDialog *dialog = openDialog();
        QVERIFY(dialog);
        connectTo(dialog, QStringLiteral("hots=db"), QString());
        QVERIFY2(errorOf(dialog).startsWith(QStringLiteral("'hots=db' is not a server address: ")),
                 qPrintable(errorOf(dialog)));
        QCOMPARE(m_connects, 0);
        QVERIFY(dialog->isVisible());
    }

    void anUnreachableServerIsSaidAsTheCliSaysIt()
    {
        ConnectServerDialog *dialog = openDialog();
        const QString nowhere = QStringLiteral("host=127.0.0.1 port=1 dbname=commandpost");
        connectTo(dialog, nowhere, QString());
        QTRY_VERIFY2(errorOf(dialog).startsWith(QStringLiteral("Cannot connect to ")), qPrintable(errorOf(dialog)));
        QCOMPARE(errorOf(dialog), cliSays(nowhere));
        QVERIFY(dialog->isVisible());
        QVERIFY(!m_opened);
    }

    // A server that never answers (a socket that accepts and stays silent): the dialog says it is
    // connecting and keeps answering while libpq waits on another thread; the wait ends in the
    // CLI's words, and Cancel gives a try up.
    void aSilentServerNeverFreezesTheDialog()
    {
        SilentListener silent;
        QVERIFY(silent.isListening());
        ConnectServerDialog *dialog = openDialog();
        int beats = 0;
        QTimer beat;
        beat.callOnTimeout([&beats] { ++beats; });
        beat.start(10);
        connectTo(dialog, silent.address(), QString());
        const QString connecting = QStringLiteral("Connecting to cp@127.0.0.1:%1/commandpost…").arg(silent.port());
        QCOMPARE(errorOf(dialog), connecting);
        QTRY_VERIFY(beats >= 20);
        QCOMPARE(errorOf(dialog), connecting); // the loop turned while the try waited
        QTRY_VERIFY_WITH_TIMEOUT(errorOf(dialog).contains(QLatin1String("timeout expired")), 15000);
        QVERIFY2(errorOf(dialog).startsWith(QStringLiteral("Cannot connect to ")), qPrintable(errorOf(dialog)));
        QVERIFY(dialog->isVisible());
        QCOMPARE(m_connects, 0);

        connectTo(dialog, silent.address(), QString());
        QCOMPARE(errorOf(dialog), connecting);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
        QVERIFY(!dialog->isVisible());
        QCOMPARE(m_connects, 0);
        QVERIFY(!m_opened);
    }

    void aRefusedLoginIsSaidAndThePasswordAskedAgain()
    {
        ConnectServerDialog *dialog = openDialog();
        const QString server = m_server + QStringLiteral(" user=") + m_login;
        connectTo(dialog, server, QStringLiteral("wrong"));
        QTRY_VERIFY2(errorOf(dialog).contains(QStringLiteral("refused the login")), qPrintable(errorOf(dialog)));
        QCOMPARE(errorOf(dialog), cliSays(server + QStringLiteral(" password=wrong")));
        QVERIFY(dialog->isVisible());
        QCOMPARE(QApplication::focusWidget(), dialog->findChild<QLineEdit *>(QStringLiteral("serverPassword")));
        QVERIFY(!m_opened);
    }

    void aGoodServerIsConnectedAndRememberedWithoutItsPassword()
    {
        const QString secret = PgTestServer::password(m_login);
        ConnectServerDialog *dialog = openDialog();
        dialog->findChild<QCheckBox *>(QStringLiteral("keepPassword"))->setChecked(false);
        QSignalSpy connected(m_ui->window->serverActions(), &ServerActions::connected);
        connectTo(dialog, m_server + QStringLiteral(" user=") + m_login, secret);
        QTRY_COMPARE(connected.size(), 1);
        QVERIFY(m_opened && m_opened->session().isServer());
        QVERIFY(m_opened->incidents().list().ok());
        QVERIFY2(
            connected.at(0).at(0).toString().startsWith(QStringLiteral("Connected to ") + m_login + QLatin1Char('@')),
            qPrintable(connected.at(0).at(0).toString()));
        // The window gives way to the server's (app/gui/main.cpp opens it).
        QTRY_VERIFY(!m_ui->window->isVisible());

        const QStringList recent = m_ui->preferences->recentServers();
        QCOMPARE(recent.size(), 1);
        QCOMPARE(recent.first(), typed());
        m_ui->settings->sync();
        QFile file(m_ui->settings->fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(secret.toUtf8()));

        // Offered first the next time, and read back as the same server.
        m_ui->window->show();
        ConnectServerDialog *again = openDialog();
        QVERIFY(again);
        QCOMPARE(again->findChild<QComboBox *>(QStringLiteral("serverAddress"))->currentText(), recent.first());
        again->reject();
    }

    void aPasswordInTheAddressIsNotRemembered()
    {
        const QString secret = PgTestServer::password(m_login);
        ConnectServerDialog *dialog = openDialog();
        dialog->findChild<QCheckBox *>(QStringLiteral("keepPassword"))->setChecked(false);
        QSignalSpy connected(m_ui->window->serverActions(), &ServerActions::connected);
        connectTo(dialog, QStringLiteral("%1 user=%2 password=%3").arg(m_server, m_login, secret), QString());
        QTRY_COMPARE(connected.size(), 1);
        QCOMPARE(m_ui->preferences->recentServers().first(), typed());
    }
};

QTEST_MAIN(TstConnectServer)
#include "tst_connectserver.moc"
