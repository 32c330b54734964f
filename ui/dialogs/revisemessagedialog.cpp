#include "revisemessagedialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cp {

ReviseMessageDialog::ReviseMessageDialog(const Message &message, QWidget *parent)
    : QDialog(parent), m_text(new QPlainTextEdit(message.text, this))
{
    setObjectName(QStringLiteral("reviseMessageDialog"));
    setWindowTitle(tr("Revise the draft"));
    auto *request = new QLabel(this);
    request->setObjectName(QStringLiteral("changeRequestLabel"));
    request->setWordWrap(true);
    request->setTextFormat(Qt::PlainText);
    request->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QString asked = tr("No change was requested: this is a new version of the draft.");
    for (auto it = message.steps.crbegin(); it != message.steps.crend(); ++it) {
        if (it->verdict == StepVerdict::ChangesRequested) {
            asked = tr("%1 asked for changes at %2:\n%3")
                        .arg(it->by, it->at.toLocalTime().toString(QStringLiteral("HH:mm")),
                             it->comment.isEmpty() ? tr("(no comment)") : it->comment);
            break;
        }
    }
    request->setText(asked);
    auto *label = new QLabel(tr("The &message (version %1 for %2, %3):")
                                 .arg(message.version + 1)
                                 .arg(BusinessVocabulary::audienceLabel(message.audience), message.channel),
                             this);
    label->setWordWrap(true);
    label->setBuddy(m_text);
    m_text->setObjectName(QStringLiteral("revisedMessageEdit"));
    m_text->setTabChangesFocus(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Revise (Ctrl+Enter)"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(request);
    layout->addWidget(label);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(560, 360);
    m_text->setFocus();
}

QString ReviseMessageDialog::text() const
{
    return m_text->toPlainText();
}

} // namespace cp
