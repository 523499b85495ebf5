"""Traditional Chinese characters read as simplified ones, for matching only.

The Chinese articles are written in simplified characters; a reader from Taiwan or Hong Kong
types traditional ones ("這個機器人怎麼用", "小紅書"). Questions are searched and read for
intent in simplified form; what the user wrote is never changed. The table holds the few
hundred common characters whose simplified form differs (one character for one, as a
character-level converter does); rarer ones pass through unchanged.
"""

from __future__ import annotations

import re

_TRADITIONAL = (
    "紅書麼這個嗎們為會說請問題號帳賬戶詐騙機導師幫轉聯繫與對國灣臺發髮筆記評論讚贊關註冊碼驗證認實隱設語譯網頁裡裏後來時間樣"
    "還沒過給讓見現開聽講話點擊圖視頻貼標籤尋舉報鎖訴違規則審內應該種類線車買賣貨錢費價單訂運購節慶歲壓飯餃湯圓燈謎陽曆歷農陰"
    "樂鬧華僑學習寫讀傳統禮稱謂親愛戀婦媽爺孫兒頭換變義憑帶廣營銷攝臉識別齡護專業員將區島誰幾處隊總選權獨麗氣溫電腦郵數據雲儲"
    "輸資訊庫體優紀錄檔夠壞顯狀態準備確飛場鐵門東倫漢滿遊戲蘇穀從職韌賽歡謝囉邊鄰賺錯誤許夥嚮無麥風陸彎團參傾啟動軟條約擬醫藥"
    "療險災難離戰爭黨軍鬥謊僞偽裝飾髒醜閱詞彙匯盤貓貴賤寶貝財貸銀劇藝術畫劃際陣絡結構維鏈鏡顏熱聞績層訪談試簡務鐘錶鬆緊張揚揮"
    "環濟貿稅額萬億餅廳館飲麵雞鴨魚蝦蔥薑蘿蔔蘋葉產廠況嚴厲罰懲勢誌雜誠懇盡隨鳥龍馬豬靈喪墳掃壽賀濕淚憂傷懷舊歸鄉驚嚇壯喲誒噠"
    "嘍鬱藍綠黃屆擁擠攤補賠償債斷續繼級階雙隻絕紙織繩纔綁鎮縣圍閉閃闢閣陳鄭劉楊趙吳馮鄧蕭蔣韓盧譚賴鄒顧龔羅潛澀瀏覽覺觀詢計討"
    "訓託詳誇誕課調諒諾謀謹譜負貢貪貧賓賞質贈贏趕趨躍輕較載輛輩輪辦遞遠適遲遺邁醬釋針鈔鉛銅鋪鋼鍵長閒雖靜響頂項順須預領願飄飽"
    "餓養餵駕魯鮮鳳齊齒龜薦擇擔擋掛揀撥攜搶損搖撐撿擴攔壇墜奮奪獎寧寢屬嶺幣幹廢彈徑徵悅惡惱慘慣慮憐懶採擺敵暢暫曉曬棄楓榮槍樓"
    "橋檢櫃歐殘殼毀淺測湧滅漲潔濃烏煙燒牆猶獲畢異當癢盜監眾睏礙穩窮竊競築簽糧糾紛細終組經綜緒練編緣縮繳罷聖聲膽膚臟蘭蟲衛衝製"
    "複詩諮譽跡蹤輯辭迴週進達遷邏鍋闆闖韻顆颱餘驅鬍鹹鹽盃綫麪綵廁廚爲衆僅儘兇兩凈剛創勁勞勵勸協卻厭呂唄喚園夢夾奧婁嬌寬寵屢崗"
    "帥廟強徹恆悶憶執擾敗敘於晝暈朧極橫殺決沖漁濱爾牽狹瑪疊瘋癮皺盞祕積窩篩籃糰純紐絲脅脫腳興艱虧觸診責連釣鈴鋒鍊霧"
)
_SIMPLIFIED = (
    "红书么这个吗们为会说请问题号账账户诈骗机导师帮转联系与对国湾台发发笔记评论赞赞关注册码验证认实隐设语译网页里里后来时间样"
    "还没过给让见现开听讲话点击图视频贴标签寻举报锁诉违规则审内应该种类线车买卖货钱费价单订运购节庆岁压饭饺汤圆灯谜阳历历农阴"
    "乐闹华侨学习写读传统礼称谓亲爱恋妇妈爷孙儿头换变义凭带广营销摄脸识别龄护专业员将区岛谁几处队总选权独丽气温电脑邮数据云储"
    "输资讯库体优纪录档够坏显状态准备确飞场铁门东伦汉满游戏苏谷从职韧赛欢谢啰边邻赚错误许伙向无麦风陆弯团参倾启动软条约拟医药"
    "疗险灾难离战争党军斗谎伪伪装饰脏丑阅词汇汇盘猫贵贱宝贝财贷银剧艺术画划际阵络结构维链镜颜热闻绩层访谈试简务钟表松紧张扬挥"
    "环济贸税额万亿饼厅馆饮面鸡鸭鱼虾葱姜萝卜苹叶产厂况严厉罚惩势志杂诚恳尽随鸟龙马猪灵丧坟扫寿贺湿泪忧伤怀旧归乡惊吓壮哟诶哒"
    "喽郁蓝绿黄届拥挤摊补赔偿债断续继级阶双只绝纸织绳才绑镇县围闭闪辟阁陈郑刘杨赵吴冯邓萧蒋韩卢谭赖邹顾龚罗潜涩浏览觉观询计讨"
    "训托详夸诞课调谅诺谋谨谱负贡贪贫宾赏质赠赢赶趋跃轻较载辆辈轮办递远适迟遗迈酱释针钞铅铜铺钢键长闲虽静响顶项顺须预领愿飘饱"
    "饿养喂驾鲁鲜凤齐齿龟荐择担挡挂拣拨携抢损摇撑捡扩拦坛坠奋夺奖宁寝属岭币干废弹径征悦恶恼惨惯虑怜懒采摆敌畅暂晓晒弃枫荣枪楼"
    "桥检柜欧残壳毁浅测涌灭涨洁浓乌烟烧墙犹获毕异当痒盗监众困碍稳穷窃竞筑签粮纠纷细终组经综绪练编缘缩缴罢圣声胆肤脏兰虫卫冲制"
    "复诗咨誉迹踪辑辞回周进达迁逻锅板闯韵颗台余驱胡咸盐杯线面彩厕厨为众仅尽凶两净刚创劲劳励劝协却厌吕呗唤园梦夹奥娄娇宽宠屡岗"
    "帅庙强彻恒闷忆执扰败叙于昼晕胧极横杀决冲渔滨尔牵狭玛叠疯瘾皱盏秘积窝筛篮团纯纽丝胁脱脚兴艰亏触诊责连钓铃锋炼雾"
)
_TABLE = str.maketrans(_TRADITIONAL, _SIMPLIFIED)
# Words whose simplified form is not the characters' one by one.
_WORDS = {"甚麼": "什么", "什麼": "什么", "為甚麼": "为什么", "回覆": "回复", "答覆": "答复"}
_WORD = re.compile("|".join(sorted(_WORDS, key=len, reverse=True)))
_ANY = re.compile(f"[{_TRADITIONAL}]")


def simplified(text: str) -> str:
    """The text with traditional characters replaced by simplified ones (others unchanged)."""
    if not _ANY.search(text):
        return text
    return _WORD.sub(lambda m: _WORDS[m.group(0)], text).translate(_TABLE)
