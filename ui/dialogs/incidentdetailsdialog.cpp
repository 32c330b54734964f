#include "incidentdetailsdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cp {

IncidentDetailsDialog::IncidentDetailsDialog(const QString &title, const QString &summary, QWidget *parent)
    : QDialog(parent), m_title(new QLineEdit(title, this)), m_summary(new QPlainTextEdit(summary, this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("incidentDetailsDialog"));
    setWindowTitle(tr("Title and summary"));
    m_title->setObjectName(QStringLiteral("detailsTitle"));
    m_summary->setObjectName(QStringLiteral("detailsSummary"));
    m_summary->setTabChangesFocus(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Summary:"), m_summary);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &IncidentDetailsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &IncidentDetailsDialog::reject);
    connect(m_title, &QLineEdit::textChanged, this, &IncidentDetailsDialog::updateButtons);
    updateButtons();
}

QString IncidentDetailsDialog::title() const
{
    return m_title->text().trimmed();
}

QString IncidentDetailsDialog::summary() const
{
    return m_summary->toPlainText().trimmed();
}

void IncidentDetailsDialog::setTitle(const QString &title)
{
    m_title->setText(title);
}

void IncidentDetailsDialog::setSummary(const QString &summary)
{
    m_summary->setPlainText(summary);
}

void IncidentDetailsDialog::updateButtons()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!title().isEmpty());
}

} // namespace cp
