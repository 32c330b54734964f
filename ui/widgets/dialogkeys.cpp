#include "dialogkeys.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCompleter>
#include <QDialog>
#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextEdit>
#include <QTimer>

namespace cp::DialogKeys {

namespace {

// The button that commits the dialog: its default push button, else its button box's OK.
QAbstractButton *commitButton(QDialog *dialog)
{
    const QList<QPushButton *> buttons = dialog->findChildren<QPushButton *>();
    for (QPushButton *button : buttons) {
        if (button->isDefault() && button->isVisible())
            return button;
    }
    const QList<QDialogButtonBox *> boxes = dialog->findChildren<QDialogButtonBox *>();
    for (QDialogButtonBox *box : boxes) {
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == QDialogButtonBox::AcceptRole)
                return button;
        }
    }
    return nullptr;
}

class CtrlEnterCommits final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::KeyPress)
            return false;
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() != Qt::Key_Return && key->key() != Qt::Key_Enter) || !(key->modifiers() & Qt::ControlModifier))
            return false;
        if (!qobject_cast<QPlainTextEdit *>(watched) && !qobject_cast<QTextEdit *>(watched))
            return false;
        auto *dialog = qobject_cast<QDialog *>(static_cast<QWidget *>(watched)->window());
        if (!dialog)
            return false;
        QAbstractButton *button = commitButton(dialog);
        if (button && button->isEnabled())
            button->click();
        return true; // never a line break: Ctrl+Enter means "done"
    }
};

} // namespace

void installCtrlEnterCommits()
{
    static CtrlEnterCommits *filter = nullptr;
    if (filter)
        return;
    filter = new CtrlEnterCommits(qApp);
    qApp->installEventFilter(filter);
}

void acceptOnCompletion(QCompleter *completer, QDialog *dialog)
{
    QObject::connect(completer, qOverload<const QString &>(&QCompleter::activated), dialog, [dialog] {
        // After the completer has put the text in the field.
        QTimer::singleShot(0, dialog, [dialog] {
            if (QAbstractButton *button = commitButton(dialog); button && button->isEnabled())
                button->click();
        });
    });
}

} // namespace cp::DialogKeys
