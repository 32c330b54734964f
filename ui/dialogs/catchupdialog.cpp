#include "catchupdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cp {

CatchUpDialog::CatchUpDialog(const QString &title, const QString &text, QWidget *parent)
    : QDialog(parent), m_text(new QPlainTextEdit(text, this))
{
    setObjectName(QStringLiteral("catchUpDialog"));
    setWindowTitle(title);
    m_text->setObjectName(QStringLiteral("catchUpText"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::GeneralFont));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copyButton = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copyButton->setObjectName(QStringLiteral("catchUpCopy"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(buttons);
    resize(620, 460);
    connect(copyButton, &QPushButton::clicked, this, &CatchUpDialog::copy);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString CatchUpDialog::text() const
{
    return m_text->toPlainText();
}

void CatchUpDialog::copy()
{
    QApplication::clipboard()->setText(text());
}

} // namespace cp
