package cn.creditbank.ledger.api.portal;

import cn.creditbank.ledger.api.support.ApiClient;
import cn.creditbank.ledger.api.support.ApiNode;
import cn.creditbank.ledger.projections.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal in a real browser, one story over one application with the demo data: 张三 signs in and sees the worked
 * example (DOMAIN.md §6), switches to English and applies for transfer into OUC-SE-DIP; the {@code ouc} registrar
 * signs in on the same browser and approves; 张三 sees the approval and reads the rest of his account; 李四 cannot
 * open 张三's pages; refusals read as sentences; a revoked source certificate flags the approval AFFECTED for the
 * registrar, and 张三's history shows the revocation and a correction as such; a later application is rejected with a
 * reason 张三 reads. The steps run in order and share the browser, as one person after another at the same desk would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserTest {

    private static ApiNode node;
    private static Browser browser;
    private static String base;

    @BeforeAll
    static void start() {
        browser = Browser.start();
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        // the exact address: sign-out's post-logout redirect is compared in full, port included
        node = ApiNode.start(TestPostgres.freshDatabaseUrl(), Map.of("server.port", port,
                "ledger.security.portal.redirect-uris", base + "/portal/callback"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void zhangsanSignsInAndSeesHisCreditsAndTheEvaluation() {
        browser.open(base + "/");
        assertThat(browser.visible(By.id("sign-in")).getText()).isEqualTo("登录");
        signIn("zhangsan", "zhangsan-pass");

        assertThat(browser.textOf(By.id("accumulated-credits"), "28.5")).isEqualTo("28.5");
        assertThat(browser.visible(By.id("chart-by-kind")).getText()).contains("证书", "16", "模块", "3.5");
        assertThat(browser.visible(By.id("chart-by-year")).getText()).contains("2022", "2026");
        browser.screenshot("01-zhangsan-dashboard");
        browser.phoneWidth();
        browser.textOf(By.id("accumulated-credits"), "28.5");
        assertThat(browser.script("return document.documentElement.scrollWidth"))
                .as("no sideways scrolling on a phone").isEqualTo(browser.script(
                        "return document.documentElement.clientWidth"));
        browser.screenshot("02-zhangsan-dashboard-phone");
        browser.desktopWidth();

        browser.click(By.linkText("专业进度"));
        assertThat(browser.textOf(By.id("transferred-credits"), "14")).isEqualTo("14");
        assertThat(browser.visible(By.id("earned-credits")).getText()).isEqualTo("4");
        assertThat(browser.visible(By.id("remaining-credits")).getText()).isEqualTo("42");
        assertThat(browser.visible(By.id("transfer-cap")).getText()).isEqualTo("21");
        assertThat(browser.visible(By.id("excluded")).getText())
                .contains("已超过有效期", "成绩未达到最低要求", "已作废", "没有适用的转换规则", "等级未达到要求",
                        "课程已由其他成果满足");
        browser.screenshot("03-zhangsan-evaluation");

        browser.click(By.linkText("概览"));
        browser.textOf(By.id("accumulated-credits"), "28.5");
        browser.setValue(By.id("as-of"), "2023-01-01");
        browser.click(By.id("as-of-apply"));
        assertThat(browser.textOf(By.id("accumulated-credits"), "4")).as("only O3 by then").isEqualTo("4");
        browser.screenshot("04-zhangsan-as-of-2023");
    }

    @Test
    @Order(2)
    void zhangsanSwitchesToEnglishAndAppliesForTransfer() {
        browser.click(By.id("as-of-today"));
        browser.click(By.id("language"));
        browser.textOf(By.id("page-title"), "learning account");
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
        assertThat(browser.visible(By.id("accumulated-credits-label")).getText()).isEqualTo("Accumulated credits");
        browser.screenshot("05-zhangsan-english");

        browser.click(By.linkText("Credit transfer"));
        new Select(browser.visible(By.id("programme"))).selectByValue("OUC-SE-DIP");
        browser.click(By.id("apply"));
        browser.textOf(By.id("notice"), "awaits the institution");
        assertThat(browser.textOf(By.id("applications"), "Pending")).contains("Software Engineering (Diploma)");
        browser.screenshot("06-zhangsan-applied");

        browser.click(By.id("language"));
        browser.textOf(By.id("applications"), "待审核");
        signOut();
    }

    @Test
    @Order(3)
    void theOucRegistrarApprovesTheApplication() {
        signIn("ouc", "ouc-pass");
        browser.textOf(By.id("inbox"), "待审核");
        browser.screenshot("07-ouc-inbox");

        browser.click(By.className("review-link"));
        assertThat(browser.textOf(By.id("proposed"), "OUC-SE101")).contains("OUC-SE105", "OUC-SE106", "OUC-SE110");
        browser.screenshot("08-ouc-review");
        browser.click(By.id("approve"));
        browser.textOf(By.id("notice"), "申请已批准");
        assertThat(browser.visible(By.id("transfer-status")).getText()).isEqualTo("已批准");
        browser.screenshot("09-ouc-approved");
        signOut();
    }

    @Test
    @Order(4)
    void zhangsanSeesTheApprovalAndTheUpdatedEvaluation() {
        signIn("zhangsan", "zhangsan-pass");
        browser.textOf(By.id("accumulated-credits"), "28.5");
        browser.click(By.linkText("学分转换申请"));
        assertThat(browser.textOf(By.id("applications"), "已批准")).contains("已批准 4 / 4 门");
        browser.screenshot("10-zhangsan-approved");

        browser.click(By.linkText("专业进度"));
        browser.textOf(By.id("courses"), "已批准转换");
        assertThat(browser.driver().findElements(By.cssSelector("#courses .badge-approved"))).hasSize(4);
        assertThat(browser.visible(By.id("transferred-credits")).getText()).isEqualTo("14");
        browser.screenshot("11-zhangsan-evaluation-approved");
    }

    @Test
    @Order(5)
    void zhangsanReadsHisCertificatesHistoryGradeAndTranscript() {
        browser.click(By.linkText("证书"));
        assertThat(browser.textOf(By.id("certificates"), "已过期")).contains("CSTP 数据库管理工程师", "有效");
        browser.screenshot("12-zhangsan-certificates");

        browser.click(By.linkText("学习成果"));
        assertThat(browser.textOf(By.id("outcomes"), "已作废")).contains("操作系统");
        browser.screenshot("13-zhangsan-outcomes");

        browser.click(By.linkText("技能等级"));
        assertThat(browser.textOf(By.id("current-grade"), "中级工")).isEqualTo("当前等级：中级工");
        assertThat(browser.visible(By.id("unmet")).getText()).contains("导师级", "4.5");
        browser.screenshot("14-zhangsan-grade");

        browser.click(By.linkText("成绩单"));
        assertThat(browser.textOf(By.id("transcript-total"), "28.5")).isEqualTo("28.5");
        assertThat(browser.visible(By.id("transcript-outcomes")).getText()).doesNotContain("操作系统");
        browser.screenshot("15-zhangsan-transcript");
        browser.printMedia(true);
        assertThat(browser.driver().findElement(By.id("nav")).isDisplayed()).as("print leaves only the transcript")
                .isFalse();
        browser.screenshot("16-zhangsan-transcript-printed");
        browser.printMedia(false);
        signOut();
    }

    @Test
    @Order(6)
    void lisiIsRefusedZhangsansPagesAndAWrongPasswordIsSaidPlainlyInEitherLanguage() {
        browser.click(By.id("sign-in"));
        browser.click(By.linkText("English"));
        browser.textOf(By.tagName("h1"), "Sign in to the Skills Credit Bank");
        submitLogin("lisi", "wrong");
        assertThat(browser.visible(By.id("login-error")).getText()).contains("Wrong user name or password");
        browser.screenshot("17-login-error-english");
        browser.click(By.linkText("中文"));
        browser.textOf(By.tagName("h1"), "登录技能学分银行");
        submitLogin("lisi", "wrong");
        assertThat(browser.visible(By.id("login-error")).getText()).contains("用户名或密码错误");
        browser.screenshot("17-login-error");
        submitLogin("lisi", "lisi-pass");
        browser.waitForUrl("/portal/learners/demo-lisi");
        browser.visible(By.id("accumulated-credits"));

        browser.open(base + "/portal/learners/demo-zhangsan/progress");
        assertThat(browser.textOf(By.id("error-message"), "您无权")).contains("FORBIDDEN");
        assertThat(browser.driver().findElements(By.id("courses"))).isEmpty();
        browser.screenshot("18-lisi-refused");
    }

    @Test
    @Order(7)
    void anApiRefusalReadsAsASentence() {
        browser.open(base + "/portal/learners/demo-lisi/progress?programme=NO-SUCH-PROGRAMME");

        assertThat(browser.textOf(By.id("error-message"), "目录中没有该专业。")).contains("UNKNOWN_PROGRAMME");
        browser.screenshot("19-api-error");

        browser.click(By.linkText("学分转换申请"));
        browser.click(By.id("apply"));
        assertThat(browser.textOf(By.id("apply-feedback"), "目前没有可转换的课程")).as("a refused write, in the form")
                .isEqualTo("目前没有可转换的课程，无法提交申请。");
        browser.screenshot("19b-lisi-apply-refused");
        signOut();
    }

    @Test
    @Order(8)
    void theRegistrarSeesTheApprovalAffectedOnceItsCertificateIsRevoked() {
        ApiClient.Response revoked = ApiClient.client(node, "csia").post(
                "/api/v1/learners/demo-zhangsan/outcomes/O1/revoke",
                Map.of("reason", "证书信息有误", "date", "2026-11-01"));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        // the inbox is a read model: wait until it has the revocation, as the portal does after its own writes
        ApiClient.client(node, "ouc").header("Min-Ledger-Position", revoked.header("Ledger-Position"))
                .get("/api/v1/institutions/OUC/transfers");

        signIn("ouc", "ouc-pass");
        assertThat(browser.textOf(By.id("inbox"), "受影响")).contains("demo-zhangsan");
        assertThat(browser.driver().findElements(By.cssSelector("#inbox tr.status-affected"))).hasSize(1);
        browser.screenshot("20-ouc-inbox-affected");
        browser.click(By.className("review-link"));
        assertThat(browser.textOf(By.id("affected"), "撤销")).contains("CSTP Java开发工程师 (O1)");
        browser.screenshot("21-ouc-review-affected");
        signOut();
    }

    @Test
    @Order(9)
    void zhangsanSeesTheRevocationAndACorrectionHonestly() {
        ApiClient.Response corrected = ApiClient.client(node, "neea").post(
                "/api/v1/learners/demo-zhangsan/outcomes/O2/correct", Map.of("score", 80, "reason", "复核改分"));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        ApiClient.client(node, "regulator").header("Min-Ledger-Position", corrected.header("Ledger-Position"))
                .get("/api/v1/learners/demo-zhangsan/outcomes");

        signIn("zhangsan", "zhangsan-pass");
        browser.click(By.linkText("学习成果"));
        String history = browser.textOf(By.id("outcomes"), "已更正");
        assertThat(history).contains("已撤销", "自 2026年11月1日 起撤销", "原记录：2023年9月23日 · 78", "已作废");
        browser.screenshot("22-zhangsan-outcomes-revoked-corrected");
        signOut();
    }

    @Test
    @Order(10)
    void theRegistrarRejectsANewApplicationWithAReasonThatTheLearnerReads() {
        ApiClient.Response awarded = ApiClient.client(node, "csia").post("/api/v1/learners/demo-zhangsan/outcomes",
                Map.of("kind", "CERTIFICATE", "unitCode", "CSTP-DB", "issuer", "CSIA", "externalRef", "CSIA-portal-1",
                        "date", "2026-10-01", "level", "初级", "certificateNo", "CSTP-DB-2026-0001"));
        assertThat(awarded.status()).as(awarded.toString()).isEqualTo(201);
        ApiClient.client(node, "regulator").header("Min-Ledger-Position", awarded.header("Ledger-Position"))
                .get("/api/v1/learners/demo-zhangsan/evaluations/OUC-SE-DIP");
        signIn("zhangsan", "zhangsan-pass");
        browser.click(By.linkText("学分转换申请"));
        browser.click(By.id("apply"));
        browser.textOf(By.id("applications"), "待审核");
        signOut();

        signIn("ouc", "ouc-pass");
        new Select(browser.visible(By.id("status"))).selectByValue("PENDING");
        browser.click(By.cssSelector("form.inline-form button[type=submit]"));
        browser.waitForUrl("status=PENDING");
        browser.textOf(By.id("inbox"), "待审核");
        browser.click(By.className("review-link"));
        browser.textOf(By.id("proposed"), "OUC-SE102");
        browser.type(By.id("reason"), "证书等级不符合本专业要求");
        browser.click(By.id("reject"));
        browser.textOf(By.id("notice"), "申请已驳回");
        assertThat(browser.visible(By.id("rejection-reason")).getText()).isEqualTo("证书等级不符合本专业要求");
        browser.screenshot("23-ouc-rejected");
        signOut();

        signIn("zhangsan", "zhangsan-pass");
        browser.click(By.linkText("学分转换申请"));
        assertThat(browser.textOf(By.id("applications"), "已驳回")).contains("证书等级不符合本专业要求", "已批准");
        browser.screenshot("24-zhangsan-rejected");
        signOut();
    }

    private static void signIn(String username, String password) {
        browser.click(By.id("sign-in"));
        submitLogin(username, password);
        browser.visible(By.id("sign-out"));
    }

    /** Fills in and sends the sign-in form on the page shown. */
    private static void submitLogin(String username, String password) {
        browser.type(By.id("username"), username);
        browser.type(By.id("password"), password);
        browser.click(By.cssSelector("form button[type=submit]"));
    }

    /** Signing out ends the authorization server's session too: the next sign-in asks for a password again. */
    private static void signOut() {
        browser.click(By.id("sign-out"));
        browser.waitForUrl("/portal/");
        browser.visible(By.id("sign-in"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
