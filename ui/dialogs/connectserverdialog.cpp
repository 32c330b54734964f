#include "connectserverdialog.h"

#include "server/serverprobe.h"
#include "widgets/kindstyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cp {

ConnectServerDialog::ConnectServerDialog(const QStringList &recentServers, Connector connector, QWidget *parent)
    : QDialog(parent), m_connector(std::move(connector)), m_probe(new ServerProbe(this)), m_server(new QComboBox(this)),
      m_password(new QLineEdit(this)),
      m_keep(new QCheckBox(tr("&Keep the password in the desktop keyring (never in CommandPost's settings)"), this)),
      m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("connectServerDialog"));
    setWindowTitle(tr("Connect to a team server"));

    auto *intro = new QLabel(tr("A team runs its incidents on one PostgreSQL server, each person on their own "
                                "laptop, everything live. Your login decides what you may do there."),
                             this);
    intro->setWordWrap(true);
    m_server->setObjectName(QStringLiteral("serverAddress"));
    m_server->setEditable(true);
    m_server->setInsertPolicy(QComboBox::NoInsert);
    m_server->addItems(recentServers);
    m_server->setCurrentIndex(recentServers.isEmpty() ? -1 : 0);
    m_server->lineEdit()->setPlaceholderText(tr("host=db.example.org dbname=commandpost user=bo sslmode=verify-full"));
    m_server->setMinimumContentsLength(48);
    auto *serverHint = new QLabel(tr("A connection string, a postgresql:// URI or service=NAME"), this);
    serverHint->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(KindStyle::quietColor().name()));
    m_password->setObjectName(QStringLiteral("serverPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Leave empty to use ~/.pgpass, PGPASSWORD or the keyring"));
    m_keep->setObjectName(QStringLiteral("keepPassword"));
    m_keep->setChecked(true);
    m_error->setObjectName(QStringLiteral("connectError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto *connectButton = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    connectButton->setObjectName(QStringLiteral("connectButton"));
    connectButton->setDefault(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_server);
    form->addRow(QString(), serverHint);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_keep);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(560);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectServerDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectServerDialog::reject);
    connect(m_probe, &ServerProbe::finished, this, &ConnectServerDialog::takeAnswer);
}

QString ConnectServerDialog::password() const
{
    return m_password->text();
}

bool ConnectServerDialog::keepPassword() const
{
    return m_keep->isChecked() && !password().isEmpty();
}

void ConnectServerDialog::showError(const QString &text, bool isError)
{
    const QColor color = isError ? KindStyle::errorColor() : KindStyle::quietColor();
    m_error->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(color.name()));
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    // A dialog does not grow by itself for a label shown after it opened: the fields would be squeezed.
    layout()->activate();
    resize(width(), qMax(height(), sizeHint().height()));
}

void ConnectServerDialog::accept()
{
    auto parsed = ServerAddress::parse(m_server->currentText());
    if (!parsed) {
        showError(parsed.error().message());
        m_server->setFocus();
        return;
    }
    m_trying = password().isEmpty() ? *parsed : parsed->withPassword(password());
    // Reaching the server may take up to its connect timeout: that wait is the probe's thread's.
    showError(tr("Connecting to %1…").arg(m_trying.displayName()), false);
    m_probe->start(m_trying);
}

void ConnectServerDialog::reject()
{
    m_probe->cancel();
    QDialog::reject();
}

void ConnectServerDialog::takeAnswer(const StoreError &answer)
{
    // The server has just answered: opening the store takes a round trip or two.
    const StoreError error = answer.ok() ? m_connector(m_trying) : answer;
    if (!error.ok()) {
        showError(error.message());
        if (error.code() == StoreError::Code::Denied)
            m_password->setFocus();
        return;
    }
    m_address = m_trying;
    QDialog::accept();
}

} // namespace cp
